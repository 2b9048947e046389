import { ApiProperty } from '@nestjs/swagger';

/** `{"status": "success", "message": "pong!"}` (FitTrackee `GET /api/ping`). */
export class PingResponseDto {
  @ApiProperty({ enum: ['success'] })
  status!: 'success';

  @ApiProperty({ enum: ['pong!'] })
  message!: 'pong!';
}
