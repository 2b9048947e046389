import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

import { parseTempFolderName, TempFolderLease } from 'src/workouts/files/storage/temp-folder-lease';
import { WorkoutFileStorage } from 'src/workouts/files/storage/workout-file-storage';

const TTL_MS = 15 * 60_000;
const HOST = hostname().replace(/[^A-Za-z0-9.-]/g, '_');

const age = (path: string, minutes: number): void => {
  const when = new Date(Date.now() - minutes * 60_000);
  utimesSync(path, when, when);
};

/** The pid of a process that has exited. */
const deadPid = (): number => {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid;
};

describe('the temp sweep with several instances on one upload folder', () => {
  let root: string;
  let tempRoot: string;
  let sweeper: WorkoutFileStorage;
  const committedPaths = new Set<string>();

  /** A temp folder as another instance would have left it, with one file per given name. */
  const foreignFolder = (name: string, files: string[]): string => {
    const dir = join(tempRoot, name);
    mkdirSync(dir, { recursive: true });
    for (const file of files) writeFileSync(join(dir, file), file);
    return dir;
  };
  const exists = (...path: string[]): boolean => existsSync(join(root, ...path));

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pacekeeper-sweep-'));
    tempRoot = join(root, '.tmp');
    committedPaths.clear();
    sweeper = new WorkoutFileStorage(root);
    sweeper.setCommitResolver((path) => Promise.resolve(committedPaths.has(path)));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it("moves a live instance's committed file but never deletes its files in flight", async () => {
    const live = new WorkoutFileStorage(root);
    const inFlight = await live.stage('workouts/1/in-flight.gpx', 'f');
    const unnamed = await live.stageUnnamed('u');
    const committed = await live.stage('workouts/1/committed.gpx', 'c');
    age(inFlight.tempPath, 60);
    age(unnamed.tempPath, 60);
    committedPaths.add('workouts/1/committed.gpx');

    await expect(sweeper.sweep(TTL_MS)).resolves.toEqual({ removed: 0, committed: 1, kept: 2 });
    expect(readFileSync(join(root, 'workouts/1/committed.gpx'), 'utf8')).toBe('c');
    expect(existsSync(inFlight.tempPath) && existsSync(unnamed.tempPath)).toBe(true);
    // The owner's own rename, after the sweep's, still succeeds.
    await live.commit(committed);
  });

  it('deletes the files of an instance of this process once it has released its folder', async () => {
    const lease = new TempFolderLease(tempRoot);
    await lease.start(60_000);
    writeFileSync(join(lease.path, 'workouts~1~a.gpx.0123456789ab.part'), 'a');
    await expect(sweeper.sweep(TTL_MS)).resolves.toMatchObject({ removed: 0, kept: 1 });
    await lease.release();
    await expect(sweeper.sweep(TTL_MS)).resolves.toMatchObject({ removed: 1, kept: 0 });
    expect(existsSync(lease.path)).toBe(false);
  });

  it('takes a folder of this host whose process is gone for dead at once', async () => {
    const dir = foreignFolder(`${HOST}~${deadPid()}~0123456789ab`, [
      'workouts~1~row.gpx.0123456789ab.part',
      'workouts~1~orphan.gpx.0123456789ab.part',
      '0123456789ab.part',
    ]);
    committedPaths.add('workouts/1/row.gpx');
    await expect(sweeper.sweep(TTL_MS)).resolves.toEqual({ removed: 2, committed: 1, kept: 0 });
    expect(exists('workouts/1/row.gpx')).toBe(true);
    expect(exists('workouts/1/orphan.gpx')).toBe(false);
    expect(existsSync(dir)).toBe(false);
  });

  it('takes a folder naming this pid but not held by this process for dead (a restart)', async () => {
    const dir = foreignFolder(`${HOST}~${process.pid}~0123456789ab`, ['0123456789ab.part']);
    await expect(sweeper.sweep(TTL_MS)).resolves.toMatchObject({ removed: 1 });
    expect(existsSync(dir)).toBe(false);
  });

  it('waits for the lease of another host to expire before deleting its files', async () => {
    const dir = foreignFolder('other-host~1234~0123456789ab', ['0123456789ab.part']);
    await expect(sweeper.sweep(TTL_MS)).resolves.toMatchObject({ removed: 0, kept: 1 });
    age(dir, 20);
    await expect(sweeper.sweep(TTL_MS)).resolves.toMatchObject({ removed: 1, kept: 0 });
    expect(readdirSync(tempRoot)).toEqual([]);
  });

  it('keeps a file whose row cannot be checked, even when its owner is gone', async () => {
    const dir = foreignFolder(`${HOST}~${deadPid()}~0123456789ab`, [
      'workouts~1~row.gpx.0123456789ab.part',
    ]);
    sweeper.setCommitResolver(() => Promise.reject(new Error('connection terminated')));
    await expect(sweeper.sweep(TTL_MS)).resolves.toEqual({ removed: 0, committed: 0, kept: 1 });
    expect(readdirSync(dir)).toEqual(['workouts~1~row.gpx.0123456789ab.part']);
  });

  it('commits flat temp files of earlier versions at any age, deletes old uncommitted ones', async () => {
    mkdirSync(tempRoot, { recursive: true });
    const flat = (name: string, minutes: number): void => {
      writeFileSync(join(tempRoot, name), name);
      age(join(tempRoot, name), minutes);
    };
    flat('workouts~1~new-row.gpx.0123456789ab.part', 0);
    flat('workouts~1~new-orphan.gpx.0123456789ab.part', 0);
    flat('workouts~1~old-orphan.gpx.0123456789ab.part', 30);
    committedPaths.add('workouts/1/new-row.gpx');
    await expect(sweeper.sweep(TTL_MS)).resolves.toEqual({ removed: 1, committed: 1, kept: 1 });
    expect(exists('workouts/1/new-row.gpx')).toBe(true);
    expect(readdirSync(tempRoot)).toEqual(['workouts~1~new-orphan.gpx.0123456789ab.part']);
  });

  it('reads owners from folder names and ignores anything else', () => {
    expect(parseTempFolderName('web-1.example~42~0123456789ab')).toEqual({
      host: 'web-1.example',
      pid: 42,
    });
    expect(parseTempFolderName('workouts~1~a.gpx')).toBeNull();
    expect(parseTempFolderName('../x~1~0123456789ab')).toBeNull();
  });
});
