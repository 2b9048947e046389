import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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

  it('hands a file it cannot remove now to the storage, which removes it later', async () => {
    const writes = new StagedWrites(storage);
    await writes.stage('workouts/1/stuck.png', Buffer.from('png'));
    const discard = jest.spyOn(storage, 'discard').mockRejectedValueOnce(new Error('store down'));
    await expect(writes.discardAll()).rejects.toThrow('1 staged files not removed yet');
    expect(everything()).toHaveLength(1);
    discard.mockRestore();
    await storage.resolvePending();
    expect(everything()).toEqual([]);
    // Already handed over: a second rollback has nothing left to do.
    await expect(writes.discardAll()).resolves.toBeUndefined();
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

  it('never fails after the commit: a file that cannot be moved is moved later', async () => {
    mkdirSync(join(root, 'workouts/1/a.gpx/blocker'), { recursive: true });
    storage.setCommitResolver((path) => Promise.resolve(path === 'workouts/1/a.gpx'));
    const writes = new StagedWrites(storage);
    await writes.stage('workouts/1/a.gpx', Buffer.from('<gpx/>'));
    await expect(writes.commitAll()).resolves.toBeUndefined();
    expect(everything().filter((name) => name.endsWith('.part'))).toHaveLength(1);
    rmSync(join(root, 'workouts/1/a.gpx'), { recursive: true });
    await storage.resolvePending();
    expect(everything()).toEqual(['workouts/1/a.gpx']);
  });

  it('hands its files over when the commit outcome is unknown, and is then no longer discarded', async () => {
    const rows = new Set(['workouts/1/kept.gpx']);
    storage.setCommitResolver((path) => Promise.resolve(rows.has(path)));
    const writes = new StagedWrites(storage);
    await writes.stage('workouts/1/kept.gpx', Buffer.from('k'));
    await writes.stage('workouts/1/dropped.png', Buffer.from('d'));
    const unnamed = writes.stageUnnamed(Buffer.from('u'));
    await writes.handOver();
    await writes.discardAll();
    await expect(unnamed).resolves.toBeDefined();
    expect(everything()).toHaveLength(3);
    await storage.resolvePending();
    expect(everything()).toEqual(['workouts/1/kept.gpx']);
  });

  describe('a file received while the request is read', () => {
    const chunks = [Buffer.from('<gpx>'), Buffer.from('<trk/>'), Buffer.from('</gpx>')];

    it('is written as it arrives, then named and committed like any other', async () => {
      const writes = new StagedWrites(storage);
      const received = writes.receiveUnnamed();
      for (const chunk of chunks) received.write(chunk);
      received.end();
      await writes.name(await received.file(), 'workouts/1/r.gpx');
      await writes.commitAll();
      expect(readFileSync(join(root, 'workouts/1/r.gpx'), 'utf8')).toBe('<gpx><trk/></gpx>');
      expect(everything()).toEqual(['workouts/1/r.gpx']);
    });

    it('is removed when the request fails before, while or after it ends', async () => {
      for (const when of ['receiving', 'ending', 'ended'] as const) {
        const writes = new StagedWrites(storage);
        const received = writes.receiveUnnamed();
        received.write(Buffer.alloc(1 << 20, 65));
        if (when !== 'receiving') received.end();
        if (when === 'ended') await received.file();
        await writes.discardAll();
        received.write(Buffer.from('late'));
        received.end();
        expect(everything()).toEqual([]);
      }
    });

    it('has no file before it ends', async () => {
      const writes = new StagedWrites(storage);
      const received = writes.receiveUnnamed();
      await expect(received.file()).rejects.toThrow('file not received');
      await writes.discardAll();
      expect(everything()).toEqual([]);
    });

    it('is not removed by a discard after the commit', async () => {
      const writes = new StagedWrites(storage);
      const received = writes.receiveUnnamed();
      for (const chunk of chunks) received.write(chunk);
      received.end();
      await writes.name(await received.file(), 'workouts/1/kept.gpx');
      await writes.commitAll();
      await writes.discardAll();
      expect(everything()).toEqual(['workouts/1/kept.gpx']);
    });
  });
});
