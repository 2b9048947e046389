import { isStorageFull } from 'src/common/errors/storage-full';

const fsError = (code: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: write failed`), { code });

describe('isStorageFull', () => {
  it('recognises a full disk and an exhausted quota', () => {
    expect(isStorageFull(fsError('ENOSPC'))).toBe(true);
    expect(isStorageFull(fsError('EDQUOT'))).toBe(true);
  });

  it('follows the cause chain of wrapping errors', () => {
    const wrapped = new Error('saving failed', {
      cause: new Error('sync', { cause: fsError('ENOSPC') }),
    });
    expect(isStorageFull(wrapped)).toBe(true);
  });

  it('leaves other failures alone', () => {
    expect(isStorageFull(fsError('EACCES'))).toBe(false);
    expect(isStorageFull(fsError('EIO'))).toBe(false);
    expect(isStorageFull(new Error('ENOSPC in a message only'))).toBe(false);
    expect(isStorageFull(undefined)).toBe(false);
    expect(isStorageFull('ENOSPC')).toBe(false);
  });
});
