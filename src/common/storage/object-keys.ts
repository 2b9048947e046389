import { UnsafeStoragePathError } from 'src/common/storage/unsafe-storage-path.error';

/**
 * The object key of a path relative to the upload folder (`workouts/1/x.gpx`): the same path,
 * behind the optional key prefix, so that a bucket laid out by one driver reads like the
 * folder of the other (docs/storage.md). Paths that could name another prefix are refused.
 */
export function objectKey(prefix: string, relativePath: string): string {
  if (!isSafeRelativePath(relativePath)) throw new UnsafeStoragePathError();
  return `${prefix}${relativePath}`;
}

/** The relative path of a key listed under `prefix`, or null for a key outside it. */
export function relativePathOf(prefix: string, key: string): string | null {
  if (!key.startsWith(prefix)) return null;
  const path = key.slice(prefix.length);
  return isSafeRelativePath(path) ? path : null;
}

/** No empty, `.` or `..` segment, no leading slash, backslash, NUL or control character. */
export function isSafeRelativePath(path: string): boolean {
  if (path === '' || path.length > 1024) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(path)) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** The prefix of a folder's keys (`workouts/1` → `<prefix>workouts/1/`). */
export function folderPrefix(prefix: string, relativeFolder: string): string {
  return `${objectKey(prefix, relativeFolder.replace(/\/+$/, ''))}/`;
}
