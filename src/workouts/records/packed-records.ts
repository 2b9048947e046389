import { toHttpDate } from 'src/common/format/http-date';
import { TextRenderings } from 'src/database/text-renderings';
import type { RecordResponseDto } from 'src/workouts/records/dto/record-response.dto';
import { recordValue } from 'src/workouts/records/dto/record-value';
import { encodeShortId } from 'src/workouts/short-id';

/**
 * Records travel from PostgreSQL as one text value: a record per `;`, its fields per `,` (id,
 * record type, sport id, stored value, workout date in whole epoch seconds, workout UUID),
 * none of which can hold either separator. PostgreSQL writes it for less than the JSON it
 * replaced, and the text is the records' own key (TextRenderings).
 */
export type PackedRecords = string;

/** The fields of one record, in the order PACKED_RECORDS_AGGREGATE writes them. */
const FIELDS = 6;

/**
 * The records `r` as `PackedRecords`, in FitTrackee `GET /api/records` order (sport id, then
 * record type): an aggregate for a query over `records r`, `''` when there are none. The date
 * goes as whole seconds (floored, as an HTTP date shows it): exact in every year, where a
 * float8 epoch of a date from 2514 on (2³⁴ s) rounds 23:59:59.999999 up to the next second.
 */
export const PACKED_RECORDS_AGGREGATE = `coalesce(string_agg(concat_ws(',',
    r.id, r.record_type, r.sport_id, coalesce(r.value, 0),
    floor(extract(epoch FROM r.workout_date))::int8, r.workout_uuid),
  ';' ORDER BY r.sport_id, r.record_type), '')`;

const NO_RECORDS: readonly RecordResponseDto[] = Object.freeze([]);

function renderRecord(fields: readonly string[], username: string): RecordResponseDto {
  const [id, type, sport, value, epoch, uuid] = fields;
  if (fields.length !== FIELDS || id === undefined || type === undefined || sport === undefined)
    throw new Error(`packed record with ${fields.length} fields`);
  return Object.freeze({
    id: Number(id),
    record_type: type,
    sport_id: Number(sport),
    user: username,
    value: recordValue(type, Number(value)),
    workout_date: toHttpDate(new Date(Number(epoch) * 1000)),
    workout_id: encodeShortId(uuid ?? ''),
  });
}

/** The FitTrackee `GET /api/records` objects of `packed`, held by `username`. */
export function renderPackedRecords(
  packed: PackedRecords,
  username: string,
): readonly RecordResponseDto[] {
  if (packed === '') return NO_RECORDS;
  return Object.freeze(
    packed.split(';').map((record) => renderRecord(record.split(','), username)),
  );
}

interface Rendering {
  username: string;
  records: readonly RecordResponseDto[];
}

/**
 * Renderings of packed records, one per text (TextRenderings), shared by every response that
 * carries the text: a profile with records cost the server more to parse and render them than
 * the rest of its body.
 */
export class RenderedRecords {
  private readonly renderings: TextRenderings<Rendering>;

  constructor(limit: number) {
    this.renderings = new TextRenderings(limit);
  }

  get(packed: PackedRecords, username: string): readonly RecordResponseDto[] {
    if (packed === '') return NO_RECORDS;
    const kept = this.renderings.get(packed, () => ({
      username,
      records: renderPackedRecords(packed, username),
    }));
    // A record's id is its user's for good, but the holder's name is part of the rendering.
    if (kept.username === username) return kept.records;
    const records = renderPackedRecords(packed, username);
    this.renderings.keep(packed, { username, records });
    return records;
  }

  get size(): number {
    return this.renderings.size;
  }
}

/**
 * The renderings of this process: about 3 KB each for a dozen records, so a few megabytes
 * at most, enough for every user active at once on an instance of this size.
 */
export const RENDERED_RECORDS = new RenderedRecords(1_000);
