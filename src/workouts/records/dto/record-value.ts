import { formatTimedelta } from 'src/common/format/timedelta';

/** Integer storage back to the wire value (FitTrackee `GET /api/records`). */
export function recordValue(type: string, stored: number): number | string {
  if (type === 'LD') return formatTimedelta(stored);
  return type === 'AS' || type === 'MS' ? stored / 100 : stored / 1000;
}
