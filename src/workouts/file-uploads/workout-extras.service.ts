import { Injectable, Logger } from '@nestjs/common';
import { weatherPoints } from 'src/workouts/file-uploads/analyse-workout-file';
import { mapPoints } from 'src/workouts/file-uploads/map-points';
import { StaticMapService } from 'src/workouts/files/map/static-map.service';
import { WeatherService } from 'src/workouts/files/weather/weather.service';
import type { ParsedGpx } from 'src/workouts/gpx/gpx-types';

export interface WorkoutWeather {
  start: Record<string, unknown> | null;
  end: Record<string, unknown> | null;
}

/**
 * What an upload adds around the figures: the static map PNG of the first track
 * (docs/uploads.md#files) and the weather at its start and end (weather objects of FitTrackee
 * `GET /api/workouts/<workout_id>`). Neither may fail or stall an upload: the map falls back to a track-only image, then to none; weather falls back to null.
 */
@Injectable()
export class WorkoutExtrasService {
  private readonly logger = new Logger(WorkoutExtrasService.name);

  constructor(
    private readonly maps: StaticMapService,
    private readonly weather: WeatherService,
  ) {}

  async renderMap(parsed: ParsedGpx): Promise<Buffer | null> {
    const { lats, lons } = mapPoints(parsed);
    if (lats.length === 0) return null;
    try {
      return await this.maps.render(lats, lons);
    } catch (error) {
      this.logger.warn(`map not generated: ${(error as Error).message}`);
      return null;
    }
  }

  async fetchWeather(parsed: ParsedGpx): Promise<WorkoutWeather> {
    const points = this.weather.isEnabled() ? weatherPoints(parsed) : null;
    if (points === null) return { start: null, end: null };
    const { weatherStart, weatherEnd } = await this.weather.getWorkoutWeather(
      points.start,
      points.end,
    );
    return {
      start: weatherStart ? { ...weatherStart } : null,
      end: weatherEnd ? { ...weatherEnd } : null,
    };
  }
}
