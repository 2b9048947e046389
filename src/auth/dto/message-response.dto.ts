import { StatusResponseDto } from 'src/auth/dto/status-response.dto';

/** `{"status": "success", "message": "…"}`: the message says what was done. */
export class MessageResponseDto extends StatusResponseDto {
  /** What was done, e.g. `password updated`. */
  message!: string;
}
