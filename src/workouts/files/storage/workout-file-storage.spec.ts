import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  buildWorkoutFileNames,
  formatStartForFileName,
  resolveInside,
  UnsafeUploadPathError,
} from 'src/workouts/files/storage/upload-paths';
import { WorkoutFileStorage } from 'src/workouts/files/storage/workout-file-storage';

const age = (path: string, minutes: number): void => {
  const when = new Date(Date.now() - minutes * 60_000);
  utimesSync(path, when, when);
};

describe('upload paths', () => {
  it('names workout files as FitTrackee does (spec §4.4)', () => {
    const names = buildWorkoutFileNames(7, 3, new Date('2018-03-13T12:44:45.123Z'));
    expect(names.gpx).toMatch(/^workouts\/7\/2018-03-13_12-44-45_3_[A-Za-z0-9_-]{11}\.gpx$/);
    expect(names.map).toMatch(/^workouts\/7\/2018-03-13_12-44-45_3_[A-Za-z0-9_-]{11}\.png$/);
    expect(names.map.slice(0, -16)).toBe(names.gpx.slice(0, -16));
    expect(formatStartForFileName(new Date('2020-01-02T03:04:05Z'))).toBe('2020-01-02_03-04-05');
  });

  it.each(['../x', '/etc/passwd', 'a/../../x', 'a\\..\\x', '', 'a\0b', '..'])(
    'refuses %j',
    (relative) => {
      expect(() => resolveInside('/srv/uploads', relative)).toThrow(UnsafeUploadPathError);
    },
  );

  it('resolves a safe path inside the root', () => {
    expect(resolveInside('/srv/uploads', 'workouts/1/a.gpx')).toBe('/srv/uploads/workouts/1/a.gpx');
  });
});

describe('WorkoutFileStorage', () => {
  let root: string;
  let storage: WorkoutFileStorage;
  const tempNames = (): string[] => readdirSync(join(root, '.tmp'));

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pacekeeper-storage-'));
    storage = new WorkoutFileStorage(root);
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('stages in .tmp, then commit renames into place', async () => {
    const staged = await storage.stage('workouts/1/a.gpx', '<gpx/>');
    expect(existsSync(join(root, 'workouts/1/a.gpx'))).toBe(false);
    expect(tempNames()).toHaveLength(1);
    await storage.commit(staged);
    expect(readFileSync(join(root, 'workouts/1/a.gpx'), 'utf8')).toBe('<gpx/>');
    expect(tempNames()).toEqual([]);
    await expect(storage.read('workouts/1/a.gpx')).resolves.toEqual(Buffer.from('<gpx/>'));
  });

  it('stages a file before its name is known, names it, then commits it', async () => {
    const staged = await storage.stageUnnamed('<gpx/>');
    expect(staged.relativePath).toBe('');
    await storage.name(staged, 'workouts/1/late.gpx');
    expect(staged.relativePath).toBe('workouts/1/late.gpx');
    expect(tempNames()).toEqual([staged.tempPath.split('/').at(-1)]);
    await storage.commit(staged);
    expect(readFileSync(join(root, 'workouts/1/late.gpx'), 'utf8')).toBe('<gpx/>');
    expect(tempNames()).toEqual([]);
    await expect(storage.name(await storage.stageUnnamed('x'), '../out.gpx')).rejects.toThrow(
      UnsafeUploadPathError,
    );
  });

  it('sweep deletes an old unnamed file (its row can never have been committed)', async () => {
    const unnamed = await storage.stageUnnamed('u');
    age(unnamed.tempPath, 30);
    const isCommitted = jest.fn(() => Promise.resolve(true));
    await expect(storage.sweep(15 * 60_000, isCommitted)).resolves.toEqual({
      removed: 1,
      committed: 0,
    });
    expect(isCommitted).not.toHaveBeenCalled();
    expect(tempNames()).toEqual([]);
  });

  it('discard and remove leave nothing behind, and tolerate missing files', async () => {
    const staged = await storage.stage('workouts/1/a.gpx', 'x');
    await storage.discard(staged);
    await storage.discard(staged);
    expect(tempNames()).toEqual([]);
    await storage.commit(await storage.stage('workouts/1/b.png', 'png'));
    await storage.remove('workouts/1/b.png');
    await storage.remove('workouts/1/b.png');
    expect(existsSync(join(root, 'workouts/1/b.png'))).toBe(false);
  });

  it('never writes outside the root', async () => {
    await expect(storage.stage('../escape.gpx', 'x')).rejects.toThrow(UnsafeUploadPathError);
    await expect(storage.remove('../../etc/passwd')).rejects.toThrow(UnsafeUploadPathError);
  });

  it('sweep removes old temp files, keeps recent ones, rolls committed ones forward', async () => {
    const recent = await storage.stage('workouts/1/recent.gpx', 'r');
    const orphan = await storage.stage('workouts/1/orphan.gpx', 'o');
    const committed = await storage.stage('workouts/2/row.gpx', 'c');
    age(orphan.tempPath, 30);
    age(committed.tempPath, 30);
    const isCommitted = jest.fn((path: string) => Promise.resolve(path === 'workouts/2/row.gpx'));
    await expect(storage.sweep(15 * 60_000, isCommitted)).resolves.toEqual({
      removed: 1,
      committed: 1,
    });
    expect(readFileSync(join(root, 'workouts/2/row.gpx'), 'utf8')).toBe('c');
    expect(existsSync(join(root, 'workouts/1/orphan.gpx'))).toBe(false);
    expect(tempNames()).toEqual([recent.tempPath.split('/').at(-1)]);
  });

  it('sweep without a resolver deletes every old temp file, and copes with no .tmp folder', async () => {
    await expect(storage.sweep(0)).resolves.toEqual({ removed: 0, committed: 0 });
    const staged = await storage.stage('workouts/1/a.gpx', 'x');
    age(staged.tempPath, 30);
    await expect(storage.sweep(60_000)).resolves.toEqual({ removed: 1, committed: 0 });
  });
});
