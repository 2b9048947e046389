import { Injectable } from '@nestjs/common';
import type { ParsedGpx } from 'src/workouts/gpx/gpx-types';

export interface WorkoutWeather {
  start: Record<string, unknown> | null;
  end: Record<string, unknown> | null;
}

/**
 * What an upload adds around the figures: the static map PNG (spec workouts.md §4.4) and the
 * weather at start and end (§3.6). Neither may fail or stall an upload: a map that cannot be
 * drawn is null, weather that cannot be fetched in time is null.
 */
@Injectable()
export class WorkoutExtrasService {
  renderMap(_parsed: ParsedGpx): Promise<Buffer | null> {
    return Promise.resolve(null);
  }

  fetchWeather(_parsed: ParsedGpx): Promise<WorkoutWeather> {
    return Promise.resolve({ start: null, end: null });
  }
}
