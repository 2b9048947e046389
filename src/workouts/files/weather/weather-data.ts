/** A weather object of the workout serialization (FitTrackee `GET /api/workouts/<workout_id>`). */
export interface WeatherData {
  humidity: number;
  icon: string;
  temperature: number;
  wind: number;
  windBearing: number;
}

export interface WeatherPoint {
  latitude: number;
  longitude: number;
  time: Date;
}

/** Visual Crossing answers for the hour requested: round to the nearest hour (FitTrackee). */
export function roundToNearestHour(time: Date): Date {
  const rounded = new Date(time.getTime());
  rounded.setUTCMinutes(0, 0, 0);
  if (time.getUTCMinutes() >= 30) rounded.setUTCHours(rounded.getUTCHours() + 1);
  return rounded;
}

const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** `currentConditions` of a timeline answer, or null when any needed value is missing. */
export function toWeatherData(answer: unknown): WeatherData | null {
  if (typeof answer !== 'object' || answer === null) return null;
  const current: unknown = (answer as Record<string, unknown>)['currentConditions'];
  if (typeof current !== 'object' || current === null) return null;
  const { icon, temp, humidity, windspeed, winddir } = current as Record<string, unknown>;
  if (typeof icon !== 'string' || !isNumber(temp) || !isNumber(humidity)) return null;
  if (!isNumber(windspeed) || !isNumber(winddir)) return null;
  return {
    icon,
    temperature: temp,
    humidity: humidity / 100,
    wind: (windspeed * 1000) / 3600, // km/h → m/s
    windBearing: winddir,
  };
}
