import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  buildWorkoutFileNames,
  formatStartForFileName,
  resolveInside,
  UnsafeUploadPathError,
} from 'src/workouts/files/storage/upload-paths';
import { WorkoutFileStorage } from 'src/workouts/files/storage/workout-file-storage';

describe('upload paths', () => {
  it('names workout files as FitTrackee does (docs/uploads.md#files)', () => {
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
  /** Temp files of every instance folder under `.tmp/`. */
  const tempNames = (): string[] =>
    readdirSync(join(root, '.tmp'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.part'))
      .map((name) => name.split('/').at(-1) ?? name);

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

  it('stages in a folder of its own, named after its host and pid', async () => {
    const staged = await storage.stage('workouts/1/a.gpx', 'x');
    const folder = staged.tempPath.split('/').at(-2) ?? '';
    expect(staged.tempPath.startsWith(join(root, '.tmp', folder))).toBe(true);
    expect(folder).toMatch(new RegExp(`~${process.pid}~[0-9a-f]{12}$`));
  });

  it('commit succeeds when a sweep already moved the file into place', async () => {
    const staged = await storage.stage('workouts/2/row.gpx', 'c');
    const other = new WorkoutFileStorage(root);
    other.setCommitResolver((path) => Promise.resolve(path === 'workouts/2/row.gpx'));
    await expect(other.sweep()).resolves.toMatchObject({ committed: 1 });
    await storage.commit(staged);
    expect(readFileSync(join(root, 'workouts/2/row.gpx'), 'utf8')).toBe('c');
    await expect(storage.commit(await storage.stage('workouts/2/lost.gpx', 'l'))).resolves.toBe(
      undefined,
    );
    const gone = { relativePath: 'workouts/2/never.gpx', tempPath: join(root, 'nothing.part') };
    await expect(storage.commit(gone)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reads a missing file as null, other failures still throw', async () => {
    await expect(storage.readIfExists('workouts/1/none.gpx')).resolves.toBeNull();
    await storage.commit(await storage.stage('workouts/1/a.gpx', 'a'));
    await expect(storage.readIfExists('workouts/1/a.gpx/x')).resolves.toBeNull();
    await expect(storage.readIfExists('workouts/1')).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('resolves files of an unknown commit outcome once the database answers', async () => {
    const committed = await storage.stage('workouts/3/in.gpx', 'in');
    const rolledBack = await storage.stage('workouts/3/out.gpx', 'out');
    let isDatabaseUp = false;
    storage.setCommitResolver((path) =>
      isDatabaseUp
        ? Promise.resolve(path === 'workouts/3/in.gpx')
        : Promise.reject(new Error('down')),
    );
    storage.resolveLater([committed, rolledBack]);
    await storage.resolvePending();
    expect(tempNames()).toHaveLength(2);
    isDatabaseUp = true;
    await storage.resolvePending();
    expect(readFileSync(join(root, 'workouts/3/in.gpx'), 'utf8')).toBe('in');
    expect(existsSync(join(root, 'workouts/3/out.gpx'))).toBe(false);
    expect(tempNames()).toEqual([]);
  });
});
