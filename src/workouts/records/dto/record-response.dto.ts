import { ApiProperty } from '@nestjs/swagger';

/** A personal record: the best workout of a user in a sport for one record type. */
export class RecordResponseDto {
  @ApiProperty({ type: 'integer', example: 12 })
  id!: number;

  @ApiProperty({
    enum: ['AS', 'FD', 'HA', 'LD', 'MS'],
    description:
      '`AS` average speed (km/h), `FD` farthest distance (km), `HA` highest ascent (m), ' +
      '`LD` longest moving duration, `MS` maximum speed (km/h).',
    example: 'FD',
  })
  record_type!: string;

  @ApiProperty({ type: 'integer', example: 5 })
  sport_id!: number;

  /** Username of the record holder. */
  user!: string;

  @ApiProperty({
    oneOf: [{ type: 'number' }, { type: 'string' }],
    description:
      'A number for `AS`, `FD`, `HA` and `MS`; for `LD`, Python timedelta text ' +
      '(`1:02:03`, `1 day, 2:00:00`).',
    example: 10.5,
  })
  value!: number | string;

  /** Date of the workout, RFC 1123 in GMT (`Sun, 06 Apr 2025 07:30:00 GMT`). */
  workout_date!: string;

  /** Short id of the workout. */
  workout_id!: string;
}

export class RecordsListResponseDto {
  // Named: the element type of a readonly array is not read from its declaration.
  @ApiProperty({ type: () => [RecordResponseDto] })
  records!: readonly RecordResponseDto[];
}
