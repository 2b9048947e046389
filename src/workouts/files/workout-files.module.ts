import { Module } from '@nestjs/common';
import { StaticMapService } from 'src/workouts/files/map/static-map.service';
import { TileProxyService } from 'src/workouts/files/map/tile-proxy.service';
import { WorkoutFileStorageService } from 'src/workouts/files/storage/workout-file-storage.service';
import { WeatherService } from 'src/workouts/files/weather/weather.service';

/**
 * Injectable services of the workout file libraries (storage, static map, tile proxy,
 * weather). The zip and format converters are plain functions imported directly.
 * Imported by the workouts module; it needs only the global ConfigModule.
 */
@Module({
  providers: [WorkoutFileStorageService, StaticMapService, TileProxyService, WeatherService],
  exports: [WorkoutFileStorageService, StaticMapService, TileProxyService, WeatherService],
})
export class WorkoutFilesModule {}
