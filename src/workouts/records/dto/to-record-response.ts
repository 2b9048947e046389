import { toHttpDate } from 'src/common/format/http-date';
import { formatTimedelta } from 'src/common/format/timedelta';
import type { RecordResponseDto } from 'src/workouts/records/dto/record-response.dto';
import type { RecordRow } from 'src/workouts/records/records.repository';
import { encodeShortId } from 'src/workouts/short-id';

/** Integer storage back to the wire value. */
export function recordValue(type: string, stored: number): number | string {
  if (type === 'LD') return formatTimedelta(stored);
  return type === 'AS' || type === 'MS' ? stored / 100 : stored / 1000;
}

export function toRecordResponse(row: RecordRow): RecordResponseDto {
  return {
    id: row.id,
    record_type: row.record_type,
    sport_id: row.sport_id,
    user: row.username,
    value: recordValue(row.record_type, Number(row.value)),
    workout_date: toHttpDate(new Date(row.workout_date_epoch * 1000)),
    workout_id: encodeShortId(row.workout_uuid),
  };
}
