import { isPythonInt, parsePythonFloat } from 'src/workouts/gpx/python-number';
import { attributeValue, type XmlAttributes } from 'src/workouts/gpx/xml-attributes';

/**
 * Point children gpxpy 1.6.2 converts while loading (`GPX_10_POINT_FIELDS`,
 * `GPX_11_POINT_FIELDS`, `GPX_TRACK_POINT_FIELDS`): only the first child of each name is read,
 * and a value its converter refuses makes the whole file invalid — for track points, route
 * points and waypoints alike.
 */
export const FieldCheck = { None: 0, Float: 1, Int: 2, Fix: 3 } as const;
export type FieldCheck = (typeof FieldCheck)[keyof typeof FieldCheck];

const POINT_FIELDS: Readonly<Record<string, FieldCheck>> = {
  magvar: FieldCheck.Float,
  geoidheight: FieldCheck.Float,
  hdop: FieldCheck.Float,
  vdop: FieldCheck.Float,
  pdop: FieldCheck.Float,
  ageofdgpsdata: FieldCheck.Float,
  sat: FieldCheck.Int,
  dgpsid: FieldCheck.Int,
  fix: FieldCheck.Fix,
};

/** GPX 1.0 track points also carry `course` and `speed` (floats). */
const TRACK_POINT_10_FIELDS: Readonly<Record<string, FieldCheck>> = {
  ...POINT_FIELDS,
  course: FieldCheck.Float,
  speed: FieldCheck.Float,
};

/** gpxpy's accepted `<fix>` values. */
export const GPX_FIX_VALUES = ['none', '2d', '3d', 'dgps', 'pps', '3'] as const;
const FIX_VALUES = new Set<string>(GPX_FIX_VALUES);

/** Stable bit per checked field name, to read only the first occurrence. */
export const FIELD_BITS: Readonly<Record<string, number>> = {
  ele: 1,
  time: 2,
  magvar: 4,
  geoidheight: 8,
  hdop: 16,
  vdop: 32,
  pdop: 64,
  ageofdgpsdata: 128,
  sat: 256,
  dgpsid: 512,
  fix: 1024,
  course: 2048,
  speed: 4096,
};

export function pointFieldCheck(name: string, isTrackPoint10: boolean): FieldCheck {
  const table = isTrackPoint10 ? TRACK_POINT_10_FIELDS : POINT_FIELDS;
  return Object.hasOwn(table, name) ? (table[name] ?? FieldCheck.None) : FieldCheck.None;
}

/** Whether gpxpy accepts `text` (null = element without text, never converted). */
export function isAcceptedValue(check: FieldCheck, text: string | null): boolean {
  if (text === null) return true;
  switch (check) {
    case FieldCheck.Float:
      return parsePythonFloat(text) !== undefined;
    case FieldCheck.Int:
      return isPythonInt(text);
    case FieldCheck.Fix:
      return FIX_VALUES.has(text);
    default:
      return true;
  }
}

/** `<bounds>` attributes are floats when present (gpxpy `GPXBounds`). */
export function areBoundsAccepted(attributes: XmlAttributes): boolean {
  for (const key of ['minlat', 'maxlat', 'minlon', 'maxlon']) {
    const value = attributeValue(attributes, key);
    if (value !== undefined && parsePythonFloat(value) === undefined) return false;
  }
  return true;
}
