import { formatFileSize } from 'src/common/format/file-size';

describe('formatFileSize (docs/compatibility.md#errors, 413 message)', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [500, '500.0 bytes'],
    [1024, '1.0KB'],
    [1200, '1.2KB'],
    [2560, '2.5KB'],
    [1048576, '1.0MB'],
    [10485760, '10.0MB'],
    [1024 ** 4 * 3, '3.0TB'],
  ])('%p → %p', (bytes, text) => {
    expect(formatFileSize(bytes)).toBe(text);
  });
});
