import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { StagedWrites } from 'src/workouts/file-uploads/staged-writes';
import { WorkoutFileStorage } from 'src/workouts/files/storage/workout-file-storage';

describe('StagedWrites', () => {
  let root: string;
  let storage: WorkoutFileStorage;
  /** Every file (not folder) under the root. */
  const everything = (): string[] =>
    readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) =>
      statSync(join(root, name)).isFile(),
    );

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pacekeeper-writes-'));
    storage = new WorkoutFileStorage(root);
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('commits every file under its name once the rows are in', async () => {
    const writes = new StagedWrites(storage);
    const gpx = writes.stageUnnamed(Buffer.from('<gpx/>'));
    await writes.stage('workouts/1/a.png', Buffer.from('png'));
    await writes.name(await gpx, 'workouts/1/a.gpx');
    await writes.commitAll();
    expect(readFileSync(join(root, 'workouts/1/a.gpx'), 'utf8')).toBe('<gpx/>');
    expect(everything().sort()).toEqual(['workouts/1/a.gpx', 'workouts/1/a.png']);
  });

  it('removes files whose write or rename is still running when the upload fails', async () => {
    for (let round = 0; round < 20; round++) {
      const writes = new StagedWrites(storage);
      const naming = writes
        .stageUnnamed(Buffer.alloc(64 * 1024, 65))
        .then((file) => writes.name(file, `workouts/1/${round}.gpx`));
      const map = writes.stage(`workouts/1/${round}.png`, Buffer.from('png'));
      const settled = Promise.allSettled([naming, map]);
      if (round % 2 === 1) await new Promise((resolve) => setImmediate(resolve));
      await writes.discardAll();
      await settled;
      expect(everything()).toEqual([]);
    }
  });

  it('refuses to name a file once the upload is abandoned', async () => {
    const writes = new StagedWrites(storage);
    const file = await writes.stageUnnamed(Buffer.from('x'));
    await writes.discardAll();
    await expect(writes.name(file, 'workouts/1/late.gpx')).rejects.toThrow('upload abandoned');
    expect(everything()).toEqual([]);
  });

  it('does not count a failed write as a file to clean', async () => {
    const writes = new StagedWrites(storage);
    await expect(writes.stage('../outside.png', Buffer.from('x'))).rejects.toThrow();
    await writes.discardAll();
    expect(everything()).toEqual([]);
  });
});
