import { UserResponseDto } from 'src/users/dto/user-response.dto';

/** `{"users": [...]}`: the list, and the one-element list of the detail and update endpoints. */
export class UsersResponseDto {
  users!: UserResponseDto[];
}
