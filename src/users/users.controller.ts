import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { CurrentUser, Public, Scopes } from 'src/auth/decorators';
import { SCOPE } from 'src/auth/scopes';
import type { PaginatedResult } from 'src/common/envelope/envelope.types';
import { RawResponse } from 'src/common/envelope/raw-response.decorator';
import { JsonBody } from 'src/common/validation/json-body.decorator';
import { ListUsersQueryDto } from 'src/users/dto/list-users-query.dto';
import { UpdateUserDto } from 'src/users/dto/update-user.dto';
import { UsersResponseDto } from 'src/users/dto/users-response.dto';
import { User } from 'src/users/user.entity';
import { UserDeletionService } from 'src/users/user-deletion.service';
import { UserPictureService } from 'src/users/user-picture.service';
import { UsersService } from 'src/users/users.service';
import { UsersAdminService } from 'src/users/users-admin.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly admin: UsersAdminService,
    private readonly deletion: UserDeletionService,
    private readonly pictures: UserPictureService,
  ) {}

  /** All users, paginated; admin only (FitTrackee `GET /api/users`). */
  @Get()
  @Scopes(SCOPE.USERS_READ, { admin: true })
  @ApiOkResponse({ type: UsersResponseDto })
  list(
    @CurrentUser() viewer: User,
    @Query() query: ListUsersQueryDto,
  ): Promise<PaginatedResult<UsersResponseDto>> {
    return this.users.list(viewer, query);
  }

  /** One user: oneself, or anyone for an admin (FitTrackee `GET /api/users/<username>`). */
  @Get(':username')
  @Scopes(SCOPE.USERS_READ)
  @ApiOkResponse({ type: UsersResponseDto })
  getOne(
    @CurrentUser() viewer: User,
    @Param('username') username: string,
  ): Promise<UsersResponseDto> {
    return this.users.getOne(viewer, username);
  }

  /** The user's avatar image; public (FitTrackee `GET /api/users/<username>/picture`). */
  @Get(':username/picture')
  @Public()
  // FitTrackee exempts the avatar from rate limiting (docs/compatibility.md#rate-limits).
  @SkipThrottle()
  @RawResponse()
  @ApiProduces('image/jpeg', 'image/png', 'image/gif')
  getPicture(@Param('username') username: string): Promise<StreamableFile> {
    return this.pictures.get(username);
  }

  /** Admin rights, activation, password reset, email change (FitTrackee `PATCH /api/users/<username>`). */
  @Patch(':username')
  @Scopes(SCOPE.USERS_WRITE, { admin: true })
  @HttpCode(200)
  @ApiOkResponse({ type: UsersResponseDto })
  update(
    @CurrentUser() admin: User,
    @Param('username') username: string,
    @JsonBody(UpdateUserDto) body: UpdateUserDto,
  ): Promise<UsersResponseDto> {
    return this.admin.update(admin, username, body);
  }

  /** Deletes an account and all its data: oneself, or anyone for an admin (FitTrackee `DELETE /api/users/<username>`). */
  @Delete(':username')
  @Scopes(SCOPE.USERS_WRITE)
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@CurrentUser() caller: User, @Param('username') username: string): Promise<void> {
    return this.deletion.remove(caller, username);
  }
}
