import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import fc from 'fast-check';
import type { User } from 'src/users/user.entity';
import type request from 'supertest';
import { firstPartyToken } from 'test/helpers/auth';
import { createUser } from 'test/helpers/factories';
import { mutateGpx, mutationArb } from 'test/helpers/gpx-mutator';
import {
  type RejectionWatch,
  settle,
  watchUnhandledRejections,
} from 'test/helpers/rejection-watch';
import { sharedFixturesDir } from 'test/helpers/shared-fixtures';
import { expectUploadFolderMatchesRows } from 'test/helpers/upload-disk';
import { countWorkouts, postWorkoutFile } from 'test/helpers/uploads';
import { createTestApp, type TestApp } from 'test/setup/test-app';
import { buildZip } from 'test/unit/files-zip-builder';

/**
 * Budget: a few seconds in `npm test` (fixed seed, small fixtures); `npm run fuzz:gpx` runs
 * thousands of cases over every fixture under the upload limit, with FUZZ_GPX_SEED to explore.
 */
const RUNS = Number(process.env['FUZZ_GPX_RUNS'] ?? 40);
const SEED = Number(process.env['FUZZ_GPX_SEED'] ?? 20260311);
const MAX_FIXTURE_BYTES = RUNS > 100 ? 1 << 20 : 130_000;
const BYTE_RUNS = Math.max(10, Math.floor(RUNS / 2));

const gpxDir = join(sharedFixturesDir(), 'gpx');
const FIXTURES = readdirSync(gpxDir)
  .filter((name) => name.endsWith('.gpx') && statSync(join(gpxDir, name)).size <= MAX_FIXTURE_BYTES)
  .sort()
  .map((name) => ({ name, gpx: readFileSync(join(gpxDir, name)) }));
const FIT = readFileSync(join(process.cwd(), 'test', 'fixtures', 'formats', 'run.fit'));

describe('mutated real workout files: always 201 or a 4xx, never a 5xx, nothing left behind', () => {
  let t: TestApp;
  let user: User;
  let token: string;
  let watch: RejectionWatch;

  beforeAll(async () => {
    t = await createTestApp({ TILE_SERVER_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' });
    user = await createUser(t.dataSource);
    token = firstPartyToken(t.app, user);
    watch = watchUnhandledRejections();
  });
  afterAll(async () => {
    watch.stop();
    await t.close();
  });

  /** One upload: a created workout, or a refusal in the envelope that changed nothing. */
  async function expectCleanAnswer(send: () => request.Test): Promise<void> {
    const before = await countWorkouts(t, user.id);
    const res = await send();
    const body = res.body as { status?: unknown; message?: unknown };
    if (res.status === 201) {
      expect(body.status).toBe('created');
    } else {
      const isClientError = res.status >= 400 && res.status < 500;
      expect({ code: isClientError ? '4xx' : `${res.status} ${res.text}`, body }).toEqual({
        code: '4xx',
        body: { status: expect.any(String) as string, message: expect.any(String) as string },
      });
      expect(await countWorkouts(t, user.id)).toBe(before);
    }
    await settle(5);
    expect(watch.reasons).toEqual([]);
    await expectUploadFolderMatchesRows(t);
  }

  it(
    `GPX files with numbers, times and structure mutated (${RUNS} cases)`,
    async () => {
      expect(FIXTURES.length).toBeGreaterThanOrEqual(10);
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: FIXTURES.length - 1 }),
          fc.array(mutationArb, { minLength: 1, maxLength: 6 }),
          fc.boolean(),
          async (index, mutations, isZipped) => {
            const fixture = FIXTURES[index] as (typeof FIXTURES)[number];
            const gpx = mutateGpx(fixture.gpx, mutations);
            const [content, fileName] = isZipped
              ? [await buildZip([{ name: fixture.name, data: gpx }]), 'mutated.zip']
              : [gpx, fixture.name];
            await expectCleanAnswer(() => postWorkoutFile(t, token, content, { fileName }));
          },
        ),
        { seed: SEED, numRuns: RUNS },
      );
    },
    60_000 + RUNS * 2_000,
  );

  it.each<[string, () => Promise<Buffer>, string]>([
    ['FIT files', () => Promise.resolve(FIT), 'run.fit'],
    [
      'zip archives of two GPX files',
      () =>
        buildZip([
          { name: 'a.gpx', data: FIXTURES[0]?.gpx ?? Buffer.alloc(0) },
          { name: 'b.gpx', data: FIXTURES[1]?.gpx ?? Buffer.alloc(0), compress: false },
        ]),
      'two.zip',
    ],
  ])(
    `%s with bytes changed or cut (${BYTE_RUNS} cases)`,
    async (_label, original, fileName) => {
      const file = await original();
      const edit = fc.record({
        at: fc.nat({ max: file.length - 1 }),
        value: fc.integer({ min: 0, max: 255 }),
        cut: fc.option(fc.nat({ max: file.length }), { freq: 4 }),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), async (edits) => {
          let content = Buffer.from(file);
          for (const { at, value, cut } of edits) {
            content[at % content.length] = value;
            if (cut !== null) content = content.subarray(0, Math.max(cut, 1));
          }
          await expectCleanAnswer(() => postWorkoutFile(t, token, content, { fileName }));
        }),
        { seed: SEED, numRuns: BYTE_RUNS },
      );
    },
    60_000 + BYTE_RUNS * 2_000,
  );
});
