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
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { CurrentUser, Public, Scopes } from 'src/auth/decorators';
import { SCOPE } from 'src/auth/scopes';
import { ApiEnvelopeResponse } from 'src/common/envelope/api-envelope-response.decorator';
import type { PaginatedResult } from 'src/common/envelope/envelope.types';
import { RawResponse } from 'src/common/envelope/raw-response.decorator';
import { ApiErrors } from 'src/common/openapi/api-error-responses.decorator';
import { ApiFileResponse } from 'src/common/openapi/api-file-response.decorator';
import { JsonBody } from 'src/common/validation/json-body.decorator';
import { ListUsersQueryDto } from 'src/users/dto/list-users-query.dto';
import { UpdateUserDto } from 'src/users/dto/update-user.dto';
import {
  OWN_USER_RESPONSE_EXAMPLE,
  UPDATED_USER_RESPONSE_EXAMPLE,
  USERS_LIST_EXAMPLE,
} from 'src/users/dto/user-examples';
import { UsersResponseDto } from 'src/users/dto/users-response.dto';
import { User } from 'src/users/user.entity';
import { UserDeletionService } from 'src/users/user-deletion.service';
import { UserPictureService } from 'src/users/user-picture.service';
import { UsersService } from 'src/users/users.service';
import { UsersAdminService } from 'src/users/users-admin.service';
import { ApiForbiddenCases, ApiUsernameParam } from 'src/users/users-api.decorators';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly admin: UsersAdminService,
    private readonly deletion: UserDeletionService,
    private readonly pictures: UserPictureService,
  ) {}

  @Get()
  @Scopes(SCOPE.USERS_READ, { admin: true })
  @ApiOperation({
    summary: 'List users',
    description:
      'All users, paginated and sorted, optionally filtered by part of the username. Admin ' +
      "only, scope `users:read`. The admin's own entry carries their preferences; the others " +
      'the shared fields. Mirrors FitTrackee `GET /api/users`.',
  })
  @ApiEnvelopeResponse(UsersResponseDto, {
    isPaginated: true,
    description: 'One page of users.',
    example: USERS_LIST_EXAMPLE,
  })
  @ApiErrors({
    400:
      '`invalid payload`: `page` or `per_page` is not an integer, `order_by` is not a sort ' +
      'key, or a value breaks an edge rule (NUL character, integer out of range).',
  })
  list(
    @CurrentUser() viewer: User,
    @Query() query: ListUsersQueryDto,
  ): Promise<PaginatedResult<UsersResponseDto>> {
    return this.users.list(viewer, query);
  }

  @Get(':username')
  @ApiForbiddenCases(
    'Also when a non-admin asks for another user, known or not (`you do not have ' +
      'permissions`).',
    'you do not have permissions',
  )
  @Scopes(SCOPE.USERS_READ)
  @ApiOperation({
    summary: 'Get a user',
    description:
      'One user, in a one-element `users` list: oneself (with preferences), or anyone for an ' +
      'admin. Scope `users:read`. A non-admin asking for another name gets 403 even when the ' +
      'name is unknown. Mirrors FitTrackee `GET /api/users/<username>`.',
  })
  @ApiUsernameParam()
  @ApiEnvelopeResponse(UsersResponseDto, {
    description: 'The user.',
    example: OWN_USER_RESPONSE_EXAMPLE,
  })
  @ApiErrors({ 404: '`user does not exist` (asked by an admin, or by the user themself).' })
  getOne(
    @CurrentUser() viewer: User,
    @Param('username') username: string,
  ): Promise<UsersResponseDto> {
    return this.users.getOne(viewer, username);
  }

  @Get(':username/picture')
  @Public()
  // FitTrackee exempts the avatar from rate limiting.
  @SkipThrottle()
  @RawResponse()
  @ApiOperation({
    summary: "Get a user's avatar",
    description:
      'The avatar image as uploaded; public, no token needed, not rate limited. Mirrors ' +
      'FitTrackee `GET /api/users/<username>/picture`.',
  })
  @ApiUsernameParam()
  @ApiFileResponse({
    description: 'The image, with the media type of its extension.',
    mediaTypes: ['image/png', 'image/jpeg', 'image/gif'],
    example: '(the PNG, JPEG or GIF bytes)',
  })
  @ApiErrors({
    404: '`user does not exist`, or `No picture.` when the user has no avatar.',
  })
  getPicture(@Param('username') username: string): Promise<StreamableFile> {
    return this.pictures.get(username);
  }

  @Patch(':username')
  @Scopes(SCOPE.USERS_WRITE, { admin: true })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Update a user (admin)',
    description:
      'Grants or removes admin rights (granting also activates), activates the account, ' +
      'resets the password (a random one; a reset link is emailed when sending is enabled) ' +
      'or changes the email (confirmed by email when sending is enabled, else replaced at ' +
      'once). Admin only, scope `users:write`. The user is looked up before any value is ' +
      'checked. Mirrors FitTrackee `PATCH /api/users/<username>`.',
  })
  @ApiUsernameParam()
  @ApiEnvelopeResponse(UsersResponseDto, {
    description: 'The updated user, in a one-element list.',
    example: UPDATED_USER_RESPONSE_EXAMPLE,
  })
  @ApiErrors({
    400:
      '`invalid payload` (body not a JSON object, `admin` not a boolean), `valid email must ' +
      'be provided`, or `new email must be different than current email`.',
    404: '`user does not exist`.',
  })
  update(
    @CurrentUser() admin: User,
    @Param('username') username: string,
    @JsonBody(UpdateUserDto) body: UpdateUserDto,
  ): Promise<UsersResponseDto> {
    return this.admin.update(admin, username, body);
  }

  @Delete(':username')
  @ApiForbiddenCases(
    'Also when a non-admin deletes someone else (`you do not have permissions`), or the ' +
      'last admin deletes themself (`you can not delete your account, no other user has ' +
      'admin rights`).',
    'you can not delete your account, no other user has admin rights',
  )
  @Scopes(SCOPE.USERS_WRITE)
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a user',
    description:
      'Deletes the account and all its data (workouts, files, avatar, exports, OAuth2 ' +
      'clients and tokens): oneself, or anyone for an admin. Scope `users:write`. The last ' +
      'admin cannot be deleted. Mirrors FitTrackee `DELETE /api/users/<username>`.',
  })
  @ApiUsernameParam()
  @ApiNoContentResponse({ description: 'Deleted; no body.' })
  @ApiErrors({ 404: '`user does not exist`.' })
  remove(@CurrentUser() caller: User, @Param('username') username: string): Promise<void> {
    return this.deletion.remove(caller, username);
  }
}
