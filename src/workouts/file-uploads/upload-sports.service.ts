import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { User } from 'src/users/user.entity';
import { sportRowId } from 'src/workouts/file-uploads/upload-data';
import { UnknownSportError } from 'src/workouts/file-uploads/upload-errors';
import type { GpxAnalysisOptions } from 'src/workouts/gpx/gpx-types';
import { EntityManager } from 'typeorm';

export interface UploadSport {
  id: number;
  label: string;
  analysis: GpxAnalysisOptions;
}

/**
 * The sport of an upload (docs/uploads.md#validation rule 7, inactive sports accepted) and what the
 * analysis needs from it: the user's stopped-speed threshold for the sport, else the sport's
 * default, and the user's raw-speed choice (docs/uploads.md#computed).
 */
@Injectable()
export class UploadSportsService {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  async resolve(user: User, sportId: number | string): Promise<UploadSport> {
    const id = sportRowId(sportId);
    const rows =
      id === null
        ? []
        : await this.manager.query<{ id: number; label: string; threshold: number }[]>(
            `SELECT s.id, s.label,
                    COALESCE(p.stopped_speed_threshold, s.stopped_speed_threshold) AS threshold
               FROM sports s
               LEFT JOIN users_sports_preferences p ON p.sport_id = s.id AND p.user_id = $2
              WHERE s.id = $1`,
            [id, user.id],
          );
    const sport = rows[0];
    if (sport === undefined) throw new UnknownSportError(String(sportId));
    return {
      id: sport.id,
      label: sport.label,
      analysis: {
        stoppedSpeedThreshold: sport.threshold,
        useRawGpxSpeed: user.useRawGpxSpeed,
      },
    };
  }
}
