import fc from 'fast-check';
import { PNG } from 'pngjs';
import { queryString } from 'test/helpers/fuzz/fuzz-encoding';
import type { FuzzOperation } from 'test/helpers/fuzz/fuzz-operations';
import { declaredFields, jsonValues, pairsFor, stringValues } from 'test/helpers/fuzz/fuzz-values';
import type { FuzzWorld } from 'test/helpers/fuzz/fuzz-world';
import { deeplyNested, hostileJson, hostileString } from 'test/helpers/fuzz/hostile-values';
import { syntheticGpx } from 'test/helpers/synthetic-gpx';

export interface FuzzFile {
  field: string;
  name: string;
  content: Buffer;
}

export type FuzzBody =
  | { kind: 'none' }
  | { kind: 'json'; text: string }
  | { kind: 'raw'; contentType: string; text: string }
  | { kind: 'form'; text: string }
  | { kind: 'multipart'; fields: [string, string][]; files: FuzzFile[] };

function jsonObject(world: FuzzWorld, fields: readonly string[]): fc.Arbitrary<string> {
  return declaredFields(fields, jsonValues(world), hostileJson).map((entries) =>
    JSON.stringify(Object.fromEntries(entries)),
  );
}

export function jsonText(world: FuzzWorld, fields: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 12, arbitrary: jsonObject(world, fields) },
    { weight: 2, arbitrary: hostileJson.map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: deeplyNested },
    { weight: 1, arbitrary: fc.constantFrom('{"a":', '\u0000', '1e999', '{"a":1,"a":2}', '') },
  );
}

const PLAUSIBLE_FILES: readonly { name: string; content: Buffer }[] = [
  { name: 'track.gpx', content: syntheticGpx({ points: 5 }) },
  { name: 'picture.png', content: PNG.sync.write(new PNG({ width: 1, height: 1 })) },
];

const bogusFile = fc.record({
  name: fc.oneof(
    fc.constantFrom('a.gpx', 'a.zip', 'a.fit', 'a.kmz', 'a.png', 'a', '.gpx', '../../x.gpx'),
    hostileString.map((name) => `${name}.gpx`),
  ),
  content: fc.oneof(
    fc.constantFrom(Buffer.alloc(0), Buffer.from('hello'), Buffer.from('<gpx></gpx>')),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
  ),
});

/** Usually one plausible file in the declared part; sometimes a bogus one, none, or two. */
function filesFor(fileFields: readonly string[]): fc.Arbitrary<FuzzFile[]> {
  const field = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...fileFields) },
    { weight: 1, arbitrary: fc.constantFrom('other', '') },
  );
  const file = fc
    .tuple(
      field,
      fc.oneof(
        { weight: 2, arbitrary: fc.constantFrom(...PLAUSIBLE_FILES) },
        { weight: 1, arbitrary: bogusFile },
      ),
    )
    .map(([name, { name: fileName, content }]): FuzzFile => ({
      field: name,
      name: fileName,
      content,
    }));
  return fc.oneof(
    { weight: 6, arbitrary: file.map((one) => [one]) },
    { weight: 1, arbitrary: fc.array(file, { maxLength: 2 }) },
  );
}

/** Form fields (a `data` field holds JSON text) and files, as a browser sends them. */
function multipartBody(world: FuzzWorld, operation: FuzzOperation): fc.Arbitrary<FuzzBody> {
  const names = operation.bodyFields.filter((name) => !operation.fileFields.includes(name));
  const data = jsonText(world, ['sport_id', 'notes', 'title']);
  const fields = declaredFields(names, stringValues(world), hostileString).chain((pairs) =>
    fc.tuple(
      ...pairs.map(([name, value]) =>
        (name === 'data' ? data : fc.constant(value)).map((text): [string, string] => [name, text]),
      ),
    ),
  );
  return fc
    .record({ fields, files: filesFor(operation.fileFields) })
    .map((parts): FuzzBody => ({ kind: 'multipart', ...parts }));
}

/** A body of each kind the operation declares, mostly; sometimes none, or a stray kind. */
export function bodyFor(world: FuzzWorld, operation: FuzzOperation): fc.Arbitrary<FuzzBody> {
  const fields = operation.bodyFields.length > 0 ? operation.bodyFields : ['value'];
  const json = jsonText(world, fields).map((text): FuzzBody => ({ kind: 'json', text }));
  const pairs = fc.oneof(
    {
      weight: 4,
      arbitrary: declaredFields(fields, stringValues(world), hostileString),
    },
    { weight: 1, arbitrary: pairsFor(world, fields) },
  );
  const form = queryString(pairs).map((text): FuzzBody => ({ kind: 'form', text }));
  const declared: fc.Arbitrary<FuzzBody>[] = [];
  if (operation.bodyTypes.includes('multipart/form-data') && operation.fileFields.length > 0)
    declared.push(multipartBody(world, operation));
  if (operation.bodyTypes.includes('application/x-www-form-urlencoded')) declared.push(form);
  if (operation.bodyTypes.includes('application/json') || declared.length === 0)
    declared.push(json);
  const stray = fc.oneof(
    fc.constant<FuzzBody>({ kind: 'none' }),
    json,
    form,
    fc
      .tuple(
        fc.constantFrom('text/plain', 'application/xml', 'application/json; charset=latin1'),
        hostileString,
      )
      .map(([contentType, text]): FuzzBody => ({ kind: 'raw', contentType, text })),
  );
  return fc.oneof({ weight: 5, arbitrary: fc.oneof(...declared) }, { weight: 1, arbitrary: stray });
}
