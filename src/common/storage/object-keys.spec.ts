import {
  folderPrefix,
  isSafeRelativePath,
  objectKey,
  relativePathOf,
} from 'src/common/storage/object-keys';
import { UnsafeStoragePathError } from 'src/common/storage/unsafe-storage-path.error';

describe('object keys (docs/storage.md)', () => {
  it('are the relative path behind the prefix, as in the upload folder', () => {
    expect(objectKey('', 'workouts/1/2024-01-01_06-00-00_1_abc.gpx')).toBe(
      'workouts/1/2024-01-01_06-00-00_1_abc.gpx',
    );
    expect(objectKey('site-a/', 'pictures/7/avatar.png')).toBe('site-a/pictures/7/avatar.png');
    expect(objectKey('a/b/', 'exports/3/archive_x.zip')).toBe('a/b/exports/3/archive_x.zip');
  });

  it.each([
    '',
    '/workouts/1/a.gpx',
    'workouts//a.gpx',
    'workouts/../2/a.gpx',
    'workouts/./a.gpx',
    '..',
    'workouts\\1\\a.gpx',
    'workouts/1/a\u0000.gpx',
    'workouts/1/a\n.gpx',
    `workouts/${'x'.repeat(1100)}`,
  ])('refuse %j: it could name another prefix', (path) => {
    expect(isSafeRelativePath(path)).toBe(false);
    expect(() => objectKey('site-a/', path)).toThrow(UnsafeStoragePathError);
  });

  it('read back to the relative path only under the prefix', () => {
    expect(relativePathOf('site-a/', 'site-a/workouts/1/a.gpx')).toBe('workouts/1/a.gpx');
    expect(relativePathOf('site-a/', 'site-b/workouts/1/a.gpx')).toBeNull();
    expect(relativePathOf('site-a/', 'site-a/')).toBeNull();
    expect(relativePathOf('', 'workouts/1/a.gpx')).toBe('workouts/1/a.gpx');
  });

  it('list a folder with a trailing slash, so that user 1 never lists user 10', () => {
    expect(folderPrefix('site-a/', 'workouts/1')).toBe('site-a/workouts/1/');
    expect(folderPrefix('', 'exports/1/')).toBe('exports/1/');
    expect(() => folderPrefix('', '../x')).toThrow(UnsafeStoragePathError);
  });
});
