import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { writePictureFile } from 'src/users/picture-file';

describe('writePictureFile', () => {
  let folder: string;

  beforeEach(() => {
    folder = join(mkdtempSync(join(tmpdir(), 'pacekeeper-picture-')), 'pictures', '7');
  });
  afterEach(() => {
    rmSync(join(folder, '..', '..'), { recursive: true, force: true });
  });

  it('creates the folder and replaces an existing picture, leaving no temp file', async () => {
    await writePictureFile(join(folder, 'me.png'), Buffer.from('first'));
    await writePictureFile(join(folder, 'me.png'), Buffer.from('second'));
    expect(readFileSync(join(folder, 'me.png'), 'utf8')).toBe('second');
    expect(readdirSync(folder)).toEqual(['me.png']);
  });

  it('removes the temp files an interrupted write left in the folder', async () => {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, '.0123456789ab.part'), 'half');
    writeFileSync(join(folder, 'other.gif'), 'kept');
    await writePictureFile(join(folder, 'me.png'), Buffer.from('new'));
    expect(readdirSync(folder).sort()).toEqual(['me.png', 'other.gif']);
  });

  it('leaves the previous picture and no temp file when the rename fails', async () => {
    mkdirSync(join(folder, 'me.png', 'occupied'), { recursive: true });
    await expect(writePictureFile(join(folder, 'me.png'), Buffer.from('x'))).rejects.toThrow();
    expect(readdirSync(folder)).toEqual(['me.png']);
  });
});
