import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Scopes } from 'src/auth/decorators';
import { ownReadWithToken, type Principal } from 'src/auth/principal';
import { SCOPE } from 'src/auth/scopes';
import { ApiEnvelopeResponse } from 'src/common/envelope/api-envelope-response.decorator';
import { RecordsListResponseDto } from 'src/workouts/records/dto/record-response.dto';
import { RECORDS_READ } from 'src/workouts/records/records.repository';
import { RecordsService } from 'src/workouts/records/records.service';

const RECORD = {
  sport_id: 5,
  user: 'sam',
  workout_date: 'Sun, 06 Apr 2025 07:30:00 GMT',
  workout_id: 'kjxavSTUrJvoAh2wvCeGEF',
};

const EXAMPLE = {
  status: 'success',
  data: {
    records: [
      { ...RECORD, id: 1, record_type: 'AS', value: 10.5 },
      { ...RECORD, id: 2, record_type: 'FD', value: 10.5 },
      { ...RECORD, id: 3, record_type: 'HA', value: 112 },
      { ...RECORD, id: 4, record_type: 'LD', value: '1:00:00' },
      { ...RECORD, id: 5, record_type: 'MS', value: 14.62 },
    ],
  },
};

@ApiTags('records')
@Controller('records')
export class RecordsController {
  constructor(private readonly service: RecordsService) {}

  /**
   * The caller's records, ordered by sport then record type (FitTrackee `GET /api/records`).
   * Records are elected again whenever a workout is added, edited or deleted; a workout with a
   * zero value holds no record. Scope `workouts:read`.
   */
  @Get()
  @Scopes(SCOPE.WORKOUTS_READ, { readWithToken: RECORDS_READ })
  @ApiEnvelopeResponse(RecordsListResponseDto, {
    description: 'The caller’s records (an empty list without workouts).',
    example: EXAMPLE,
  })
  list(@CurrentPrincipal() principal: Principal): RecordsListResponseDto {
    return this.service.list(ownReadWithToken(principal, RECORDS_READ));
  }
}
