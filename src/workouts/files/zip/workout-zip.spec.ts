import {
  NoWorkoutInZipError,
  ZipInvalidError,
  ZipMemberTooLargeError,
  ZipTooLargeError,
  ZipTooManyFilesError,
  ZipUnsafeEntryError,
} from 'src/workouts/files/workout-file.errors';
import { extractWorkoutFiles } from 'src/workouts/files/zip/workout-zip';
import {
  buildZip,
  forgeDeclaredSize,
  markEncrypted,
  renameMember,
} from 'test/unit/files-zip-builder';

const limits = { gpxLimitImport: 10, maxSingleFileSize: 1024 * 1024 };
const gpx = (n: number): string => `<gpx><trk><name>${n}</name></trk></gpx>`;

describe('extractWorkoutFiles', () => {
  it('returns top-level workout files and zips in directory order, skipping other types and folders', async () => {
    const zip = await buildZip([
      { name: 'b.gpx', data: gpx(1) },
      { name: 'notes.txt', data: 'hello' },
      { name: 'a.FIT', data: Buffer.from([1, 2, 3]) },
      { name: 'sub/c.gpx', data: gpx(3) },
      { name: 'd.tcx', data: '<x/>', compress: false },
      { name: 'inner.zip', data: 'PK' },
    ]);
    const members = await extractWorkoutFiles(zip, limits);
    expect(members.map((m) => m.name)).toEqual(['b.gpx', 'a.FIT', 'd.tcx', 'inner.zip']);
    expect(members[0]!.data.toString()).toBe(gpx(1));
    expect([...members[1]!.data]).toEqual([1, 2, 3]);
  });

  it('answers the "no workouts" failure when workout files are only in a sub-folder', async () => {
    const zip = await buildZip([{ name: 'folder/a.gpx', data: gpx(1) }]);
    const error = await extractWorkoutFiles(zip, limits).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoWorkoutInZipError);
    expect((error as NoWorkoutInZipError).httpStatus).toBe(400);
    expect((error as NoWorkoutInZipError).body).toEqual({ data: { workouts: [] } });
  });

  it('counts workout files anywhere in the archive against gpx_limit_import', async () => {
    const zip = await buildZip([
      { name: 'a.gpx', data: gpx(1) },
      { name: 'b.kml', data: gpx(2) },
      { name: 'sub/c.gpx', data: gpx(3) },
      { name: 'x.txt', data: 'not counted' },
    ]);
    await expect(extractWorkoutFiles(zip, { ...limits, gpxLimitImport: 2 })).rejects.toThrow(
      ZipTooManyFilesError,
    );
    await expect(extractWorkoutFiles(zip, { ...limits, gpxLimitImport: 3 })).resolves.toHaveLength(
      2,
    );
  });

  it('counts and size-checks nested zips, as the reference does', async () => {
    const zip = await buildZip([
      { name: 'a.gpx', data: gpx(1) },
      { name: 'sub/inner.ZIP', data: Buffer.alloc(2048, 32) },
    ]);
    await expect(extractWorkoutFiles(zip, { ...limits, gpxLimitImport: 1 })).rejects.toThrow(
      ZipTooManyFilesError,
    );
    await expect(extractWorkoutFiles(zip, { ...limits, maxSingleFileSize: 2047 })).rejects.toThrow(
      ZipMemberTooLargeError,
    );
    const members = await extractWorkoutFiles(zip, limits);
    expect(members.map((m) => m.name)).toEqual(['a.gpx']);
  });

  it('refuses a member whose declared size exceeds max_single_file_size', async () => {
    const zip = await buildZip([{ name: 'big.gpx', data: Buffer.alloc(2048, 32) }]);
    const error = await extractWorkoutFiles(zip, { ...limits, maxSingleFileSize: 2047 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ZipMemberTooLargeError);
    expect((error as ZipMemberTooLargeError).body).toEqual({
      message: 'at least one file in zip archive exceeds size limit, please check the archive',
    });
  });

  it('caps the bytes actually inflated when the header understates the size', async () => {
    const honest = await buildZip([{ name: 'bomb.gpx', data: Buffer.alloc(5_000_000, 32) }]);
    const forged = forgeDeclaredSize(honest, 100);
    await expect(
      extractWorkoutFiles(forged, { ...limits, maxSingleFileSize: 64 * 1024 }),
    ).rejects.toThrow(ZipMemberTooLargeError);
    // Below the cap, a size that differs from the header is a forged archive.
    await expect(
      extractWorkoutFiles(forged, { ...limits, maxSingleFileSize: 10e6 }),
    ).rejects.toThrow(ZipInvalidError);
  });

  it('caps the bytes inflated over all members with a 413', async () => {
    const zip = await buildZip(
      ['a', 'b', 'c'].map((n) => ({ name: `${n}.gpx`, data: Buffer.alloc(40_000, 32) })),
    );
    const error = await extractWorkoutFiles(zip, { ...limits, maxTotalBytes: 100_000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ZipTooLargeError);
    expect((error as ZipTooLargeError).httpStatus).toBe(413);
  });

  it.each(['../evil.gpx', '/tmp/e.gpx', '..\\..\\w.gpx', 'C:\\w.gpx', 'C:w.gpx', 'ok/../../x.txt'])(
    'refuses the whole archive for the unsafe name %j',
    async (unsafe) => {
      const placeholder = `${'p'.repeat(Buffer.byteLength(unsafe) - 4)}.zzz`;
      const zip = await buildZip([
        { name: 'fine.gpx', data: gpx(1) },
        { name: placeholder, data: gpx(2) },
      ]);
      await expect(
        extractWorkoutFiles(renameMember(zip, placeholder, unsafe), limits),
      ).rejects.toThrow(ZipUnsafeEntryError);
    },
  );

  it('refuses symbolic links', async () => {
    const zip = await buildZip([
      { name: 'a.gpx', data: gpx(1) },
      { name: 'link.gpx', data: '/etc/passwd', mode: 0o120777 },
    ]);
    await expect(extractWorkoutFiles(zip, limits)).rejects.toThrow(ZipUnsafeEntryError);
  });

  it.each([
    ['not a zip', Buffer.from('this is not a zip archive at all')],
    ['empty', Buffer.alloc(0)],
  ])('answers "zip archive is invalid" for %s', async (_label, data) => {
    const error = await extractWorkoutFiles(data, limits).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZipInvalidError);
    expect((error as ZipInvalidError).body).toEqual({ message: 'zip archive is invalid' });
  });

  it('answers "zip archive is invalid" for truncated and encrypted archives', async () => {
    const zip = await buildZip([{ name: 'a.gpx', data: Buffer.alloc(10_000, 65) }]);
    await expect(extractWorkoutFiles(zip.subarray(0, zip.length - 30), limits)).rejects.toThrow(
      ZipInvalidError,
    );
    await expect(extractWorkoutFiles(markEncrypted(zip), limits)).rejects.toThrow(ZipInvalidError);
  });
});
