import { ApiProperty } from '@nestjs/swagger';
import { UserResponseDto } from 'src/users/dto/user-response.dto';

/** `{"users": [...]}`: the list, and the one-element list of the detail and update endpoints. */
export class UsersResponseDto {
  // Named explicitly: the plugin does not resolve the element type across files here.
  @ApiProperty({ type: () => [UserResponseDto] })
  users!: UserResponseDto[];
}
