import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { FileSink } from 'src/workouts/files/storage/file-sink';

describe('FileSink', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pacekeeper-sink-'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('writes chunks in order as they come, including while earlier ones are being written', async () => {
    const sink = new FileSink(join(root, 'a/b/file.part'));
    const expected: Buffer[] = [];
    for (let i = 0; i < 200; i++) {
      const chunk = Buffer.alloc(1000 + i, i % 256);
      expected.push(chunk);
      sink.write(chunk);
      if (i % 7 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    sink.write(Buffer.alloc(0));
    await sink.finish();
    expect(readFileSync(join(root, 'a/b/file.part')).equals(Buffer.concat(expected))).toBe(true);
  });

  it('abort removes the file, whether writes are running or done', async () => {
    const running = new FileSink(join(root, 'running.part'));
    running.write(Buffer.alloc(4 << 20, 1));
    running.write(Buffer.alloc(4 << 20, 2));
    await running.abort();
    const idle = new FileSink(join(root, 'idle.part'));
    idle.write(Buffer.from('x'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await idle.abort();
    await idle.abort();
    expect(readdirSync(root)).toEqual([]);
  });

  it('ignores writes after abort and refuses to finish', async () => {
    const sink = new FileSink(join(root, 'late.part'));
    await sink.abort();
    sink.write(Buffer.from('late'));
    await expect(sink.finish()).rejects.toThrow();
    expect(readdirSync(root)).toEqual([]);
  });

  it('refuses an existing file and leaves it alone', async () => {
    const sink = new FileSink(join(root, 'taken.part'));
    sink.write(Buffer.from('first'));
    await sink.finish();
    const again = new FileSink(join(root, 'taken.part'));
    again.write(Buffer.from('second'));
    await expect(again.finish()).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(join(root, 'taken.part'), 'utf8')).toBe('first');
  });

  it('a path it cannot create reports the error at finish and touches nothing', async () => {
    // The root itself exists (a directory): opening it as a new file fails.
    const sink = new FileSink(root);
    sink.write(Buffer.from('x'));
    await expect(sink.finish()).rejects.toMatchObject({ code: 'EEXIST' });
    expect(existsSync(root)).toBe(true);
  });
});
