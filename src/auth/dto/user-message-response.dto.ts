import { ApiProperty } from '@nestjs/swagger';
import { MessageResponseDto } from 'src/auth/dto/message-response.dto';
import { SelfUserResponseDto } from 'src/auth/dto/self-user-response.dto';

/** A profile change: the message and the user's own view after the change. */
export class UserMessageResponseDto extends MessageResponseDto {
  // Spelled out: the plugin leaves a class imported from another module as a bare object.
  @ApiProperty({ type: () => SelfUserResponseDto, description: 'The user after the change.' })
  data!: SelfUserResponseDto;
}
