import { listFiles } from 'test/helpers/uploads';
import type { TestApp } from 'test/setup/test-app';

/**
 * The upload folder holds exactly the GPX files and maps the workout rows reference: no
 * leftover of a refused upload (temp files included), no row without its file.
 */
export async function expectUploadFolderMatchesRows(t: TestApp): Promise<void> {
  const rows = await t.dataSource.query<{ gpx: string | null; map: string | null }[]>(
    `SELECT gpx, map FROM workouts`,
  );
  const referenced = rows.flatMap((row) => [row.gpx, row.map]).filter((path) => path !== null);
  expect(listFiles(t.config.app.uploadFolder)).toEqual(referenced.sort());
}
