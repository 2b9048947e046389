import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from 'src/config/configuration';
import { httpGet } from 'src/workouts/files/http/http-get';
import {
  roundToNearestHour,
  toWeatherData,
  type WeatherData,
  type WeatherPoint,
} from 'src/workouts/files/weather/weather-data';

export const WEATHER_TIMEOUT_MS = 5000;
const MAX_ANSWER_BYTES = 256 * 1024;

export interface WorkoutWeather {
  weatherStart: WeatherData | null;
  weatherEnd: WeatherData | null;
}

/**
 * Start and end weather of a workout from the Visual Crossing timeline API (FitTrackee
 * `GET /api/workouts/<workout_id>`), only when WEATHER_API_PROVIDER=visualcrossing and WEATHER_API_KEY are set. Never throws: any
 * failure, timeout or odd answer gives null, and an upload never fails because of weather.
 */
@Injectable()
export class WeatherService {
  private readonly logger = new Logger(WeatherService.name);
  private readonly apiKey: string | undefined;
  private readonly baseUrl: string;

  constructor(config: ConfigService<AppConfig, true>) {
    const weather = config.get('weather', { infer: true });
    this.apiKey = weather.provider === 'visualcrossing' ? weather.apiKey : undefined;
    this.baseUrl = weather.baseUrl;
  }

  isEnabled(): boolean {
    return this.apiKey !== undefined;
  }

  async getWorkoutWeather(start: WeatherPoint, end: WeatherPoint): Promise<WorkoutWeather> {
    const [weatherStart, weatherEnd] = await Promise.all([
      this.getWeather(start),
      this.getWeather(end),
    ]);
    return { weatherStart, weatherEnd };
  }

  async getWeather(point: WeatherPoint): Promise<WeatherData | null> {
    if (this.apiKey === undefined || Number.isNaN(point.time.getTime())) return null;
    const epoch = Math.floor(roundToNearestHour(point.time).getTime() / 1000);
    const query = new URLSearchParams({
      key: this.apiKey,
      iconSet: 'icons1',
      unitGroup: 'metric',
      contentType: 'json',
      elements:
        'datetime,datetimeEpoch,temp,humidity,windspeed,winddir,conditions,description,icon',
      include: 'current',
    });
    const url = `${this.baseUrl}/timeline/${point.latitude},${point.longitude}/${epoch}?${query.toString()}`;
    try {
      const response = await httpGet(url, {
        timeoutMs: WEATHER_TIMEOUT_MS,
        maxBytes: MAX_ANSWER_BYTES,
      });
      if (response.status !== 200) throw new Error(`status ${response.status}`);
      return toWeatherData(JSON.parse(response.body.toString('utf8')));
    } catch (error) {
      // The URL holds the API key: log the reason only.
      this.logger.warn(`weather unavailable: ${error instanceof Error ? error.message : 'error'}`);
      return null;
    }
  }
}
