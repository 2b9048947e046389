/**
 * Python `str(timedelta)` (docs/compatibility.md#dates): `H:MM:SS`, `"N day(s), H:MM:SS"` from 24
 * h, and `.ffffff` microseconds when non-zero. Negative values follow Python's normalisation
 * (`-1 day, 23:59:59` for −1 s).
 */
export function formatTimedelta(totalSeconds: number): string {
  const totalMicros = Math.round(totalSeconds * 1e6);
  const microsPerDay = 86400 * 1e6;
  const days = Math.floor(totalMicros / microsPerDay);
  let rest = totalMicros - days * microsPerDay;
  const micros = rest % 1e6;
  rest = (rest - micros) / 1e6;
  const hours = Math.floor(rest / 3600);
  const minutes = Math.floor((rest % 3600) / 60);
  const seconds = rest % 60;
  const clock = `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  const fraction = micros === 0 ? '' : `.${String(micros).padStart(6, '0')}`;
  const prefix = days === 0 ? '' : `${days} day${Math.abs(days) === 1 ? '' : 's'}, `;
  return `${prefix}${clock}${fraction}`;
}

/** Parses `H:MM:SS[.ffffff]` or `N day(s), H:MM:SS` back into seconds; undefined when malformed. */
export function parseTimedelta(text: string): number | undefined {
  const match = /^(?:(-?\d+) days?, )?(\d+):([0-5]\d):([0-5]\d)(?:\.(\d{1,6}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, days, hours, minutes, seconds, fraction] = match;
  const micros = fraction === undefined ? 0 : Number(fraction.padEnd(6, '0'));
  return (
    Number(days ?? 0) * 86400 +
    Number(hours) * 3600 +
    Number(minutes) * 60 +
    Number(seconds) +
    micros / 1e6
  );
}
