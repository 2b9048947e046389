import { MAX_NESTING, unsafeInputProblem } from 'src/common/validation/unsafe-input';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level += 1) value = { a: value };
  return value;
}

describe('unsafeInputProblem', () => {
  it.each([
    ['a string', 'x', 'name'],
    [
      'a body',
      { email: 'a@b.c', redirect_uris: ['https://a'], nested: { ok: [1, null, true] } },
      '',
    ],
    ['an empty query', {}, ''],
    ['unicode without NUL', { title: '💩 \u202e \ud800 \ufeff' }, ''],
    [`${MAX_NESTING} levels`, nested(MAX_NESTING - 1), ''],
  ])('accepts %s', (_label, value, name) => {
    expect(unsafeInputProblem(value, name)).toBeUndefined();
  });

  it.each([
    [
      'a NUL in a named value',
      'a\u0000b',
      'workout_id',
      'workout_id: NUL characters are not allowed',
    ],
    ['a NUL in a field', { email: 'a\u0000@b.c' }, '', 'email: NUL characters are not allowed'],
    [
      'a NUL in a list item',
      { redirect_uris: ['https://a', '\u0000'] },
      '',
      'redirect_uris[1]: NUL characters are not allowed',
    ],
    ['a NUL in a nested field', { a: { b: '\u0000' } }, '', 'a.b: NUL characters are not allowed'],
    [
      'a NUL in a top-level key',
      { 'e\u0000': 1 },
      '',
      'payload: NUL characters are not allowed in keys',
    ],
    [
      'a NUL in a nested key',
      { a: { '\u0000': 1 } },
      '',
      'a: NUL characters are not allowed in keys',
    ],
    [
      'a __proto__ key',
      JSON.parse('{"__proto__": 1}') as unknown,
      '',
      'payload: the key "__proto__" is not allowed',
    ],
    [
      'a nested constructor key',
      { a: [{ constructor: 1 }] },
      '',
      'a[0]: the key "constructor" is not allowed',
    ],
    ['deep nesting', nested(MAX_NESTING + 5), '', `a: more than ${MAX_NESTING} levels of nesting`],
    [
      'a deep list',
      JSON.parse(`${'['.repeat(50_000)}${']'.repeat(50_000)}`) as unknown,
      '',
      `payload: more than ${MAX_NESTING} levels of nesting`,
    ],
  ])('refuses %s, naming where', (_label, value, name, problem) => {
    expect(unsafeInputProblem(value, name)).toBe(problem);
  });

  it('reports the shallowest problem first', () => {
    expect(unsafeInputProblem({ a: { b: { c: '\u0000' } }, z: '\u0000' }, '')).toBe(
      'z: NUL characters are not allowed',
    );
  });
});
