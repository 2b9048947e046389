import { ApiProperty } from '@nestjs/swagger';

/** `{"status": "success"}` alone: FitTrackee's answer when there is nothing else to say. */
export class StatusResponseDto {
  @ApiProperty({ enum: ['success'], example: 'success' })
  status!: 'success';
}
