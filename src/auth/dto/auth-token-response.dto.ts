import { MessageResponseDto } from 'src/auth/dto/message-response.dto';

/** Login and account confirmation: the message and a first-party token beside `status`. */
export class AuthTokenResponseDto extends MessageResponseDto {
  /** A first-party JWT, sent as `Authorization: Bearer <auth_token>`. */
  auth_token!: string;
}
