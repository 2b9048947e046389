import { InvalidInputError, InvalidPayloadError } from 'src/common/errors/http-errors';
import { unsafeInputProblem } from 'src/common/validation/unsafe-input';

/** The `data` part of `POST /api/workouts` once validated (docs/uploads.md). */
export interface UploadData {
  /** As sent (number or digit string); resolved against the sports table later (rule 7). */
  sportId: number | string;
  notes: string | null;
}

/**
 * Python's `json.loads(..., strict=False)` accepts raw control characters inside strings;
 * `JSON.parse` does not, so they are escaped first (only inside strings: outside them JSON's
 * own whitespace rules apply unchanged).
 */
export function escapeControlCharactersInStrings(text: string): string {
  let out = '';
  let isInString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    const code = c.charCodeAt(0);
    if (isInString && c === '\\') {
      out += c + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') isInString = !isInString;
    out += isInString && code < 0x20 ? `\\u${code.toString(16).padStart(4, '0')}` : c;
  }
  return out;
}

/**
 * Rule 6: `data` missing, not JSON, empty or without `sport_id` → 400 `invalid payload`. A
 * `title` key is ignored: GPX workouts take their title from the file.
 */
export function parseUploadData(raw: unknown): UploadData {
  if (typeof raw !== 'string') throw new InvalidPayloadError();
  let parsed: unknown;
  try {
    parsed = JSON.parse(escapeControlCharactersInStrings(raw));
  } catch {
    throw new InvalidPayloadError();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new InvalidPayloadError();
  // JSON inside a form field: the edge rules apply once it is parsed (NUL, nesting).
  const problem = unsafeInputProblem(parsed, '');
  if (problem !== undefined) throw new InvalidInputError(problem);
  const data = parsed as Record<string, unknown>;
  if (Object.keys(data).length === 0) throw new InvalidPayloadError();
  const sportId = data['sport_id'];
  if (sportId === undefined || sportId === null) throw new InvalidPayloadError();
  return { sportId: toSportId(sportId), notes: toNotes(data['notes']) };
}

/** Anything else than a number or a string is a sport that cannot exist (rule 7 message). */
function toSportId(value: unknown): number | string {
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return JSON.stringify(value);
}

function toNotes(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new InvalidPayloadError();
}

/** The sports row id a `sport_id` designates, or null when none can match (rule 7). */
export function sportRowId(sportId: number | string): number | null {
  const text = typeof sportId === 'number' ? String(sportId) : sportId.trim();
  if (!/^\d{1,9}$/.test(text)) return null;
  return Number(text);
}
