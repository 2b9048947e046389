import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from 'src/config/configuration';
import type { WeatherPoint } from 'src/workouts/file-uploads/analyse-workout-file';
import { httpGet } from 'src/workouts/files/http/http-get';

/** An upload never waits longer than this for the weather (the reference waits 5 s). */
const WEATHER_TIMEOUT_MS = 3000;
const ELEMENTS =
  'datetime,datetimeEpoch,temp,humidity,windspeed,winddir,conditions,description,icon';

interface CurrentConditions {
  humidity: number;
  icon: string;
  temp: number;
  windspeed: number;
  winddir: number;
}

/** The point time rounded to the nearest hour, as epoch seconds (spec workouts.md §3.6). */
export function weatherTimestamp(time: Date): number {
  const hour = new Date(time);
  hour.setUTCMinutes(0, 0, 0);
  const roundUp = time.getUTCMinutes() >= 30 ? 3600 : 0;
  return Math.floor(hour.getTime() / 1000) + roundUp;
}

/**
 * Visual Crossing timeline API (spec §3.6), used only when WEATHER_API_PROVIDER is
 * `visualcrossing` with a key. Any failure, bad answer or timeout gives null.
 */
@Injectable()
export class WeatherClientService {
  private readonly logger = new Logger(WeatherClientService.name);

  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  isEnabled(): boolean {
    const weather = this.config.get('weather', { infer: true });
    return weather.provider === 'visualcrossing' && weather.apiKey !== undefined;
  }

  async getWeather(point: WeatherPoint): Promise<Record<string, unknown> | null> {
    const { apiKey, apiUrl } = this.config.get('weather', { infer: true });
    if (!this.isEnabled() || apiKey === undefined) return null;
    const query = new URLSearchParams({
      key: apiKey,
      iconSet: 'icons1',
      unitGroup: 'metric',
      contentType: 'json',
      elements: ELEMENTS,
      include: 'current',
      lang: 'en',
    });
    const location = `${point.latitude},${point.longitude}`;
    const url = `${apiUrl}/timeline/${location}/${weatherTimestamp(point.time)}?${query.toString()}`;
    try {
      const response = await httpGet(url, { timeoutMs: WEATHER_TIMEOUT_MS, maxBytes: 1 << 20 });
      if (response.status !== 200) return null;
      const body = JSON.parse(response.body.toString('utf8')) as {
        currentConditions?: CurrentConditions;
      };
      const current = body.currentConditions;
      if (current === undefined) return null;
      return {
        humidity: current.humidity / 100,
        icon: current.icon,
        temperature: current.temp,
        wind: (current.windspeed * 1000) / 3600,
        windBearing: current.winddir,
      };
    } catch (error) {
      this.logger.warn(`weather unavailable: ${(error as Error).message}`);
      return null;
    }
  }
}
