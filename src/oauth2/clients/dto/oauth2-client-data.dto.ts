import { ApiProperty } from '@nestjs/swagger';
import { OAuth2ClientResponseDto } from 'src/oauth2/clients/dto/oauth2-client-response.dto';

/** `data` of the answers about one client. */
export class OAuth2ClientDataDto {
  @ApiProperty({ type: () => OAuth2ClientResponseDto })
  client!: OAuth2ClientResponseDto;
}

/** `data` of `GET /api/oauth/apps`: one page of the user's clients, newest first. */
export class OAuth2ClientListDataDto {
  @ApiProperty({ type: () => [OAuth2ClientResponseDto] })
  clients!: OAuth2ClientResponseDto[];
}

/** FitTrackee's `{"status": "success"}`, with no `data`. */
export class OAuth2StatusResponseDto {
  @ApiProperty({ enum: ['success'] })
  status!: 'success';
}
