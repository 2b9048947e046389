import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const PART = /^\.[0-9a-f]{12}\.part$/;

/**
 * Writes a picture under its final name all at once: to a hidden temp file in the same folder,
 * synced, then renamed over the target, so that a crash (kill -9) never leaves a truncated
 * picture under a name the database points at. Temp files a crash left in the folder are
 * removed first.
 */
export async function writePictureFile(path: string, data: Buffer): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  for (const name of await readdir(folder)) {
    if (PART.test(name)) await rm(join(folder, name), { force: true });
  }
  const temp = join(folder, `.${randomBytes(6).toString('hex')}.part`);
  try {
    const handle = await open(temp, 'wx', 0o640);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
