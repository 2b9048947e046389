import { Module, type OnModuleInit } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { AppConfigModule } from 'src/app-config/app-config.module';
import { UploadBodyInterceptor } from 'src/workouts/file-uploads/upload-body.interceptor';
import { UploadSportsService } from 'src/workouts/file-uploads/upload-sports.service';
import { WorkoutExtrasService } from 'src/workouts/file-uploads/workout-extras.service';
import { WorkoutGpxFilesController } from 'src/workouts/file-uploads/workout-gpx-files.controller';
import { WorkoutGpxFilesService } from 'src/workouts/file-uploads/workout-gpx-files.service';
import { WorkoutMapsController } from 'src/workouts/file-uploads/workout-maps.controller';
import { WorkoutMapsService } from 'src/workouts/file-uploads/workout-maps.service';
import { WorkoutUploadController } from 'src/workouts/file-uploads/workout-upload.controller';
import { WorkoutUploadService } from 'src/workouts/file-uploads/workout-upload.service';
import { StaticMapService } from 'src/workouts/files/map/static-map.service';
import { TileProxyService } from 'src/workouts/files/map/tile-proxy.service';
import { WorkoutFileStore } from 'src/workouts/files/storage/workout-file-store';
import { WORKOUT_FILE_STORE_PROVIDER } from 'src/workouts/files/storage/workout-file-store.provider';
import { WeatherService } from 'src/workouts/files/weather/weather.service';
import { EntityManager } from 'typeorm';

/**
 * Workouts from files (FitTrackee `GET /api/workouts`, docs/uploads.md): uploads, GPX and chart
 * data, maps. Builds on the global WorkoutsModule (writer, serializer) and the files/gpx libraries.
 */
@Module({
  imports: [AppConfigModule],
  controllers: [WorkoutUploadController, WorkoutGpxFilesController, WorkoutMapsController],
  providers: [
    WORKOUT_FILE_STORE_PROVIDER,
    StaticMapService,
    TileProxyService,
    WeatherService,
    UploadBodyInterceptor,
    UploadSportsService,
    WorkoutExtrasService,
    WorkoutUploadService,
    WorkoutGpxFilesService,
    WorkoutMapsService,
  ],
})
export class WorkoutUploadsModule implements OnModuleInit {
  constructor(
    private readonly storage: WorkoutFileStore,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  /** The start-up sweep finishes a temp file only if a committed row references it. */
  onModuleInit(): void {
    this.storage.setCommitResolver(async (relativePath) => {
      const rows = await this.manager.query<unknown[]>(
        `SELECT 1 FROM workouts WHERE gpx = $1 OR map = $1 LIMIT 1`,
        [relativePath],
      );
      return rows.length > 0;
    });
  }
}
