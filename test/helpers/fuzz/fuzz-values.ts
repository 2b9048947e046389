import fc from 'fast-check';
import type { FuzzWorld } from 'test/helpers/fuzz/fuzz-world';
import { hostileJson, hostileKey, hostileString } from 'test/helpers/fuzz/hostile-values';
import { integerJson, mutated } from 'test/helpers/fuzz/mutations';

/** Boolean fields of the API: their plausible value is JSON `true` or `false`. */
const BOOLEAN_FIELDS = new Set([
  'accepted_policy',
  'is_active',
  'admin',
  'activate',
  'reset_password',
  'weekm',
  'imperial_units',
  'display_ascent',
  'start_elevation_at_zero',
  'use_raw_gpx_speed',
  'use_dark_mode',
]);

/** Numeric fields of JSON bodies: their plausible values go as JSON numbers. */
const NUMBER_FIELDS = new Set([
  'sport_id',
  'duration',
  'distance',
  'ascent',
  'descent',
  'stopped_speed_threshold',
  'max_users',
  'gpx_limit_import',
  'max_single_file_size',
  'max_zip_file_size',
]);

/** List fields of JSON bodies. */
const LIST_FIELDS = new Set(['redirect_uris', 'events']);

function plausibleFor(world: FuzzWorld, name: string): readonly string[] {
  return world.plausible(name);
}

/** A field's value in one of the forms it may take, or its hostile variants. */
export interface FieldValues<T> {
  plausible(name: string): fc.Arbitrary<T>;
  hostile(name: string): fc.Arbitrary<T>;
}

/** Strings (path, query, form, multipart): the plausible values, or them made hostile. */
export function stringValues(world: FuzzWorld): FieldValues<string> {
  return {
    plausible: (name) => {
      const plausible = plausibleFor(world, name);
      return plausible.length === 0 ? hostileString : fc.constantFrom(...plausible);
    },
    hostile: (name) => {
      const plausible = plausibleFor(world, name);
      return plausible.length === 0
        ? hostileString
        : fc.oneof(
            { weight: 3, arbitrary: mutated(plausible) },
            { weight: 1, arbitrary: hostileString },
          );
    },
  };
}

/** JSON values: numbers as numbers, lists as lists, booleans; hostile ones of any JSON type. */
export function jsonValues(world: FuzzWorld): FieldValues<unknown> {
  const strings = stringValues(world);
  return {
    plausible: (name) => {
      if (BOOLEAN_FIELDS.has(name)) return fc.boolean();
      const plausible = plausibleFor(world, name);
      if (plausible.length === 0) return hostileJson;
      if (NUMBER_FIELDS.has(name)) return fc.constantFrom(...plausible.map(Number));
      if (LIST_FIELDS.has(name))
        return fc.array(fc.constantFrom(...plausible), { minLength: 1, maxLength: 2 });
      return fc.constantFrom(...plausible);
    },
    hostile: (name) => {
      const typed = NUMBER_FIELDS.has(name) ? integerJson : strings.hostile(name);
      return fc.oneof(
        { weight: 3, arbitrary: LIST_FIELDS.has(name) ? fc.array(typed, { maxLength: 2 }) : typed },
        { weight: 1, arbitrary: hostileJson },
      );
    },
  };
}

/** A value for a lone named parameter (a path segment): mostly plausible. */
export function stringFor(world: FuzzWorld, name: string): fc.Arbitrary<string> {
  const values = stringValues(world);
  return fc.oneof(
    { weight: 4, arbitrary: values.plausible(name) },
    { weight: 1, arbitrary: values.hostile(name) },
  );
}

const OMITTED = Symbol('omitted');

/**
 * Every declared field with a plausible value, then one or two of them (sometimes none) made
 * hostile or left out, sometimes a stray key: one bad value among good ones gets past the
 * first checks and reaches the code behind them.
 */
export function declaredFields<T>(
  fields: readonly string[],
  values: FieldValues<T>,
  strayValue: fc.Arbitrary<T>,
): fc.Arbitrary<[string, T][]> {
  const base = fc.tuple(...fields.map((name) => values.plausible(name)));
  const mutation = fc
    .nat(Math.max(0, fields.length - 1))
    .chain((index) =>
      fc
        .oneof(
          { weight: 4, arbitrary: values.hostile(fields[index] ?? '') },
          { weight: 1, arbitrary: fc.constant<typeof OMITTED>(OMITTED) },
        )
        .map((value) => [index, value] as const),
    );
  const mutations = fc.oneof(
    { weight: 1, arbitrary: fc.constant([]) },
    { weight: 4, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.array(mutation, { minLength: 2, maxLength: 2 }) },
  );
  const stray = fc.oneof(
    { weight: 4, arbitrary: fc.constant<[string, T][]>([]) },
    { weight: 1, arbitrary: fc.tuple(hostileKey, strayValue).map((pair) => [pair]) },
  );
  return fc.tuple(base, mutations, stray).map(([plausible, changes, extra]) => {
    const chosen: (T | typeof OMITTED)[] = [...plausible];
    for (const [index, value] of changes) chosen[index] = value;
    const entries = fields.flatMap((name, index): [string, T][] => {
      const value = chosen[index];
      return value === OMITTED || value === undefined ? [] : [[name, value]];
    });
    return [...entries, ...extra];
  });
}

/** Key/value pairs for a query string: any of the given names, repeated or not, some stray. */
export function pairsFor(
  world: FuzzWorld,
  names: readonly string[],
): fc.Arbitrary<[string, string][]> {
  const key = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...names) },
    { weight: 1, arbitrary: hostileKey },
  );
  return fc.array(
    key.chain((name) => stringFor(world, name).map((value): [string, string] => [name, value])),
    { maxLength: 6 },
  );
}
