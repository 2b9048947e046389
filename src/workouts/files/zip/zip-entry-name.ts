import type { Entry } from 'yauzl';
import { getFileNameLowLevel } from 'yauzl';

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const MADE_BY_UNIX = 3;

/**
 * The member name as written in the archive (UTF-8 flag, Info-ZIP unicode path or CP437),
 * with backslashes turned into slashes so that both separator styles are judged alike.
 */
export function readEntryName(entry: Entry): string {
  const raw = getFileNameLowLevel(
    entry.generalPurposeBitFlag,
    entry.fileNameRaw,
    entry.extraFields,
    true,
  );
  return raw.replace(/\\/g, '/');
}

/**
 * Absolute names (`/x`, `//host/x`, `C:x`), parent references and NUL bytes could escape an
 * extraction folder (docs/uploads.md#hostile-input): the whole archive is refused, in either slash
 * style.
 */
export function isUnsafeEntryName(name: string): boolean {
  if (name.includes('\0')) return true;
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return true;
  return name.split('/').includes('..');
}

/** A symbolic link recorded by a Unix zip tool (mode bits in the high external attributes). */
export function isSymlinkEntry(entry: Entry): boolean {
  const madeBy = entry.versionMadeBy >> 8;
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  return madeBy === MADE_BY_UNIX && mode === S_IFLNK;
}

export function isDirectoryName(name: string): boolean {
  return name.endsWith('/');
}

/**
 * FitTrackee only imports files at the top level of the archive (docs/uploads.md#validation rule
 * 8).
 */
export function isTopLevelName(name: string): boolean {
  return !name.includes('/');
}
