/**
 * The deepest nesting a request value may have. FitTrackee payloads nest two levels at most
 * (`redirect_uris` in an object); far deeper values only cost recursion in the transformers.
 */
export const MAX_NESTING = 32;

const NUL = '\u0000';

/**
 * Keys that name JavaScript's object machinery, not data: no FitTrackee field has these names,
 * and class-transformer crashes on a nested `constructor` key (or would follow `__proto__`).
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface Pending {
  value: unknown;
  name: string;
  /** The top-level field the value belongs to. */
  field: string;
  depth: number;
}

function childName(parent: string, key: string, isArray: boolean): string {
  if (isArray) return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/**
 * Why a request value cannot be accepted, naming the field (`first_name`, `redirect_uris[0]`):
 * a NUL character in a string or a key (PostgreSQL refuses it in text, so it could only end in
 * a 500), a reserved key, or nesting beyond MAX_NESTING. Undefined when the value is acceptable. Iterative, so
 * hostile depth costs no stack.
 */
export function unsafeInputProblem(value: unknown, name: string): string | undefined {
  // Breadth first, so the shallowest problem is the one reported.
  const queue: Pending[] = [{ value, name, field: name, depth: 0 }];
  for (let index = 0; index < queue.length; index += 1) {
    const next = queue[index] as Pending;
    const label = next.name === '' ? 'payload' : next.name;
    if (typeof next.value === 'string') {
      if (next.value.includes(NUL)) return `${label}: NUL characters are not allowed`;
      continue;
    }
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth >= MAX_NESTING)
      return `${next.field === '' ? 'payload' : next.field}: more than ${MAX_NESTING} levels of nesting`;
    const isArray = Array.isArray(next.value);
    for (const [key, child] of Object.entries(next.value)) {
      if (key.includes(NUL)) return `${label}: NUL characters are not allowed in keys`;
      if (RESERVED_KEYS.has(key)) return `${label}: the key "${key}" is not allowed`;
      const childPath = childName(next.name, key, isArray);
      const field = next.depth === 0 && next.name === '' && !isArray ? childPath : next.field;
      queue.push({ value: child, name: childPath, field, depth: next.depth + 1 });
    }
  }
  return undefined;
}
