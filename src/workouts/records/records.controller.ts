import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Scopes } from 'src/auth/decorators';
import { SCOPE } from 'src/auth/scopes';
import type { User } from 'src/users/user.entity';
import { RecordsListResponseDto } from 'src/workouts/records/dto/record-response.dto';
import { RecordsService } from 'src/workouts/records/records.service';

@ApiTags('records')
@Controller('records')
export class RecordsController {
  constructor(private readonly service: RecordsService) {}

  /** The caller's records by sport then type (FitTrackee `GET /api/records`). */
  @Get()
  @Scopes(SCOPE.WORKOUTS_READ)
  @ApiOkResponse({ type: RecordsListResponseDto })
  list(@CurrentUser() user: User): Promise<RecordsListResponseDto> {
    return this.service.list(user);
  }
}
