import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Ip,
  Patch,
  Post,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AccountService } from 'src/auth/account.service';
import { messageExample, SELF_USER_EXAMPLE, userMessageExample } from 'src/auth/auth-examples';
import { CurrentPrincipal, CurrentUser, Public, Scopes } from 'src/auth/decorators';
import { RequestDevice } from 'src/auth/decorators/request-device.decorator';
import { EditAccountDto } from 'src/auth/dto/edit-account.dto';
import { EditPreferencesDto } from 'src/auth/dto/edit-preferences.dto';
import { EditProfileDto } from 'src/auth/dto/edit-profile.dto';
import { MessageResponseDto } from 'src/auth/dto/message-response.dto';
import { SelfUserResponseDto } from 'src/auth/dto/self-user-response.dto';
import { TokenDto } from 'src/auth/dto/token.dto';
import { UserMessageResponseDto } from 'src/auth/dto/user-message-response.dto';
import { PictureService } from 'src/auth/picture/picture.service';
import { type PictureUpload, UploadedPicture } from 'src/auth/picture/picture-upload.decorator';
import { PictureUploadInterceptor } from 'src/auth/picture/picture-upload.interceptor';
import { type Principal, readWithToken } from 'src/auth/principal';
import { ProfileService } from 'src/auth/profile.service';
import { SCOPE } from 'src/auth/scopes';
import { ApiEnvelopeResponse } from 'src/common/envelope/api-envelope-response.decorator';
import type { TopLevelResult } from 'src/common/envelope/envelope.types';
import {
  ApiErrors,
  BEARER_ERROR_SCHEMA,
  STORAGE_FULL_DESCRIPTION,
} from 'src/common/openapi/api-error-responses.decorator';
import { ApiLimitResponse } from 'src/common/rate-limit/api-limit-response.decorator';
import { JsonBody } from 'src/common/validation/json-body.decorator';
import type { UserResponseDto } from 'src/users/dto/user-response.dto';
import type { User } from 'src/users/user.entity';
import { OWN_SUMMARY_READ } from 'src/users/user-workout-summary';

/** The authenticated user's profile, account, preferences and picture. */
@ApiTags('auth')
@Controller('auth')
export class ProfileController {
  constructor(
    private readonly profiles: ProfileService,
    private readonly accounts: AccountService,
    private readonly pictures: PictureService,
  ) {}

  /** The user's own view of their account (FitTrackee `GET /api/auth/profile`). */
  @Get('profile')
  @Scopes(SCOPE.PROFILE_READ, { readWithToken: OWN_SUMMARY_READ })
  @ApiEnvelopeResponse(SelfUserResponseDto, {
    description: 'The user, with their preferences.',
    example: { status: 'success', data: SELF_USER_EXAMPLE },
  })
  @ApiResponse({
    status: 304,
    description:
      'Not modified: `If-None-Match` carries the weak ETag of the current answer; no body.',
  })
  getProfile(@CurrentPrincipal() principal: Principal): Promise<UserResponseDto> {
    return this.profiles.get(principal.user, readWithToken(principal, OWN_SUMMARY_READ));
  }

  /**
   * Replaces the five profile fields; all keys must be present, null clears one (FitTrackee
   * `POST /api/auth/profile/edit`).
   */
  @Post('profile/edit')
  @Scopes(SCOPE.PROFILE_WRITE)
  @ApiResponse({
    status: 200,
    description: '`user profile updated`, with the user.',
    type: UserMessageResponseDto,
    example: userMessageExample('user profile updated'),
  })
  @ApiErrors({
    400:
      '`invalid payload`: a key missing, a value mistyped or too long for its column, or ' +
      '`birth_date` not a real `YYYY-MM-DD` date.',
  })
  @HttpCode(200)
  editProfile(
    @CurrentUser() user: User,
    @JsonBody(EditProfileDto) dto: EditProfileDto,
  ): Promise<TopLevelResult> {
    return this.profiles.edit(user, dto);
  }

  /**
   * Changes the email and/or the password, given the current password (FitTrackee
   * `PATCH /api/auth/profile/edit/account`). With email sending enabled, a new address waits
   * for the confirmation link sent to it (`email_to_confirm`); without, it applies at once. A
   * new password is notified by email. The current password is checked under the login's
   * limits.
   */
  @Patch('profile/edit/account')
  @Scopes(SCOPE.PROFILE_WRITE)
  // Appended to the token errors @Scopes() declares: a wrong current password is a 401 too.
  @ApiResponse({
    status: 401,
    description: 'Wrong current password: `invalid credentials`.',
    schema: BEARER_ERROR_SCHEMA,
  })
  @ApiResponse({
    status: 200,
    description: '`user account updated`, with the user.',
    type: UserMessageResponseDto,
    example: userMessageExample('user account updated'),
  })
  @ApiErrors({
    400:
      '`email is missing`, `current password is missing`, `invalid payload` (the address ' +
      'belongs to another account), or the rule messages, one a line (`email: valid email ' +
      'must be provided`, `password: 8 characters required`).',
  })
  @ApiLimitResponse()
  editAccount(
    @CurrentUser() user: User,
    @JsonBody(EditAccountDto) dto: EditAccountDto,
    @RequestDevice() device: string,
    @Ip() ip: string,
  ): Promise<TopLevelResult> {
    return this.accounts.edit(user, dto, device, ip);
  }

  /**
   * Replaces the nine preferences; all keys must be present (FitTrackee
   * `POST /api/auth/profile/edit/preferences`). An unknown language becomes `en`.
   */
  @Post('profile/edit/preferences')
  @Scopes(SCOPE.PROFILE_WRITE)
  @ApiResponse({
    status: 200,
    description: '`user preferences updated`, with the user.',
    type: UserMessageResponseDto,
    example: userMessageExample('user preferences updated'),
  })
  @ApiErrors({
    400: '`invalid payload`: a key missing, a value mistyped or too long for its column.',
  })
  @HttpCode(200)
  editPreferences(
    @CurrentUser() user: User,
    @JsonBody(EditPreferencesDto) dto: EditPreferencesDto,
  ): Promise<TopLevelResult> {
    return this.profiles.editPreferences(user, dto);
  }

  /**
   * Confirms an email change with the token sent to the new address (FitTrackee
   * `POST /api/auth/email/update`): the pending address replaces the current one.
   */
  @Post('email/update')
  @Public()
  @ApiResponse({
    status: 200,
    description: '`email updated`.',
    type: MessageResponseDto,
    example: messageExample('email updated'),
  })
  @ApiErrors({
    400:
      '`invalid payload`: no token, an unknown or used one, or the new address taken by ' +
      'another account meanwhile.',
  })
  @HttpCode(200)
  confirmEmailUpdate(@JsonBody(TokenDto) dto: TokenDto): Promise<TopLevelResult> {
    return this.accounts.confirmEmailUpdate(dto.token);
  }

  /**
   * Stores the user's avatar, replacing the previous one (FitTrackee `POST /api/auth/picture`).
   * The type is checked on the content as well as on the extension (gif, jpg, jpeg, png).
   */
  @Post('picture')
  @Scopes(SCOPE.PROFILE_WRITE)
  @UseInterceptors(PictureUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: 'The image: gif, jpg, jpeg or png.',
        },
      },
    },
  })
  @ApiResponse({
    status: 200,
    description: '`user picture updated`.',
    type: MessageResponseDto,
    example: messageExample('user picture updated'),
  })
  @ApiErrors({
    400:
      'Status `fail`: `no file part`, `no selected file`, or `file extension not allowed` ' +
      '(also when the content is not such an image); status `error`, `invalid payload`: not ' +
      'a multipart body.',
    413:
      'Status `fail`: `Error during picture upload, file size (<size>) exceeds <limit>.`, over ' +
      'the instance’s `max_single_file_size` (the picture) or `max_zip_file_size` (the request).',
    507: STORAGE_FULL_DESCRIPTION,
  })
  @HttpCode(200)
  uploadPicture(
    @CurrentUser() user: User,
    @UploadedPicture() upload: PictureUpload,
  ): Promise<TopLevelResult> {
    return this.pictures.upload(user, upload);
  }

  /**
   * Removes the user's avatar; without one, still a success (FitTrackee
   * `DELETE /api/auth/picture`).
   */
  @Delete('picture')
  @Scopes(SCOPE.PROFILE_WRITE)
  @ApiResponse({ status: 204, description: 'Removed: no body.' })
  // The success has no body: the example is the answer to a missing or expired token.
  @ApiResponse({
    status: 401,
    schema: BEARER_ERROR_SCHEMA,
    example: { status: 'error', message: 'provide a valid auth token' },
  })
  @HttpCode(204)
  removePicture(@CurrentUser() user: User): Promise<void> {
    return this.pictures.remove(user);
  }
}
