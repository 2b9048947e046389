/** A format-neutral track, the common ground of every converter (one GPX `<trk>` each). */
export interface TrackPoint {
  latitude: number;
  longitude: number;
  /** Metres; null when the source has none. */
  elevation: number | null;
  /** ISO 8601 date-time as found in the source (offset kept), or null when missing. */
  time: string | null;
}

export interface Track {
  name: string | null;
  segments: TrackPoint[][];
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Source time text when it is an ISO 8601 date-time the GPX analysis accepts, else null. */
export function parseIsoTime(text: string | undefined): string | null {
  const value = text?.trim() ?? '';
  return ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)) ? value : null;
}

/** gpxpy writes whole seconds without a fraction; keep that shape for binary sources. */
export function formatUtcTime(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

export function parseCoordinate(text: string | undefined, limit: number): number | null {
  if (text === undefined || text.trim() === '') return null;
  const value = Number(text.trim());
  return Number.isFinite(value) && Math.abs(value) <= limit ? value : null;
}
