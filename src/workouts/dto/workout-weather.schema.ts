import type { ApiPropertyOptions } from '@nestjs/swagger';

/**
 * Weather at the start or end of a workout (FitTrackee's Visual Crossing conditions), null
 * unless a weather provider is configured and answered. Inline rather than a `$ref`: OpenAPI
 * 3.0 cannot make a referenced schema nullable.
 */
export const WORKOUT_WEATHER_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  nullable: true,
  description: 'Null unless a weather provider is configured and answered.',
  required: ['humidity', 'icon', 'temperature', 'wind', 'windBearing'],
  properties: {
    humidity: { type: 'number', description: 'Relative humidity, as a fraction (0.69 for 69 %).' },
    icon: {
      type: 'string',
      description: 'Visual Crossing `icons1` name, e.g. `partly-cloudy-day`.',
    },
    temperature: { type: 'number', description: 'Degrees Celsius.' },
    wind: { type: 'number', description: 'Wind speed, in m/s.' },
    windBearing: { type: 'number', description: 'Direction the wind comes from, in degrees.' },
  },
};
