import { unlink } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';

import { Injectable, Logger } from '@nestjs/common';
import { ObjectStorageService } from 'src/common/storage/object-storage.service';

/**
 * Files of a deleted workout (FitTrackee `DELETE /api/workouts/<workout_id>`): the GPX and the
 * map PNG, removed after the row is gone, from the upload folder or the bucket
 * (docs/storage.md); missing or undeletable files are only logged. Paths are relative to
 * UPLOAD_FOLDER (or the key prefix). This is the hook the uploads module builds on.
 */
@Injectable()
export class WorkoutFilesService {
  private readonly logger = new Logger(WorkoutFilesService.name);

  constructor(private readonly storage: ObjectStorageService) {}

  async removeWorkoutFiles(files: { gpx: string | null; map: string | null }): Promise<void> {
    for (const path of [files.map, files.gpx]) {
      if (path === null || path === '') continue;
      try {
        if (this.storage.s3 !== undefined) {
          await this.storage.s3.remove(path);
        } else {
          await unlink(isAbsolute(path) ? path : join(this.storage.uploadFolder, path));
        }
      } catch (error) {
        // The row is already deleted: a leftover file must not turn the answer into an error
        // (with S3, the orphan sweep removes it later: docs/storage.md#all-or-nothing).
        this.logger.warn(`could not delete workout file ${path}: ${(error as Error).message}`);
      }
    }
  }
}
