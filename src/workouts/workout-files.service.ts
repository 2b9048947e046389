import { unlink } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';

import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from 'src/config/configuration';

/**
 * Files of a deleted workout (FitTrackee `DELETE /api/workouts/<workout_id>`): the GPX and the map
 * PNG, removed after the row is gone; missing or undeletable files are only logged. Paths are relative to UPLOAD_FOLDER.
 * This is the hook the uploads module builds on.
 */
@Injectable()
export class WorkoutFilesService {
  private readonly logger = new Logger(WorkoutFilesService.name);

  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  async removeWorkoutFiles(files: { gpx: string | null; map: string | null }): Promise<void> {
    for (const path of [files.map, files.gpx]) {
      if (path === null || path === '') continue;
      const absolute = isAbsolute(path)
        ? path
        : join(this.config.get('app.uploadFolder', { infer: true }), path);
      try {
        await unlink(absolute);
      } catch (error) {
        // The row is already deleted: a leftover file must not turn the answer into an error.
        this.logger.warn(`could not delete workout file ${path}: ${(error as Error).message}`);
      }
    }
  }
}
