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
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AccountService } from 'src/auth/account.service';
import { CurrentUser, Public, Scopes } from 'src/auth/decorators';
import { RequestDevice } from 'src/auth/decorators/request-device.decorator';
import { EditAccountDto } from 'src/auth/dto/edit-account.dto';
import { EditPreferencesDto } from 'src/auth/dto/edit-preferences.dto';
import { EditProfileDto } from 'src/auth/dto/edit-profile.dto';
import { TokenDto } from 'src/auth/dto/token.dto';
import { PictureService } from 'src/auth/picture/picture.service';
import { type PictureUpload, UploadedPicture } from 'src/auth/picture/picture-upload.decorator';
import { PictureUploadInterceptor } from 'src/auth/picture/picture-upload.interceptor';
import { ProfileService } from 'src/auth/profile.service';
import { SCOPE } from 'src/auth/scopes';
import type { TopLevelResult } from 'src/common/envelope/envelope.types';
import { ApiLimitResponse } from 'src/common/rate-limit/api-limit-response.decorator';
import { JsonBody } from 'src/common/validation/json-body.decorator';
import type { UserResponseDto } from 'src/users/dto/user-response.dto';
import type { User } from 'src/users/user.entity';

/** The authenticated user's profile, account, preferences and picture (FitTrackee `/api/auth`). */
@ApiTags('auth')
@Controller('auth')
export class ProfileController {
  constructor(
    private readonly profiles: ProfileService,
    private readonly accounts: AccountService,
    private readonly pictures: PictureService,
  ) {}

  @Get('profile')
  @Scopes(SCOPE.PROFILE_READ)
  getProfile(@CurrentUser() user: User): Promise<UserResponseDto> {
    return this.profiles.get(user);
  }

  @Post('profile/edit')
  @Scopes(SCOPE.PROFILE_WRITE)
  @HttpCode(200)
  editProfile(
    @CurrentUser() user: User,
    @JsonBody(EditProfileDto) dto: EditProfileDto,
  ): Promise<TopLevelResult> {
    return this.profiles.edit(user, dto);
  }

  @Patch('profile/edit/account')
  @Scopes(SCOPE.PROFILE_WRITE)
  @ApiOkResponse({ description: '`user account updated`, with the user.' })
  @ApiBadRequestResponse({ description: '`email is missing`, `current password is missing`…' })
  @ApiLimitResponse()
  editAccount(
    @CurrentUser() user: User,
    @JsonBody(EditAccountDto) dto: EditAccountDto,
    @RequestDevice() device: string,
    @Ip() ip: string,
  ): Promise<TopLevelResult> {
    return this.accounts.edit(user, dto, device, ip);
  }

  @Post('profile/edit/preferences')
  @Scopes(SCOPE.PROFILE_WRITE)
  @HttpCode(200)
  editPreferences(
    @CurrentUser() user: User,
    @JsonBody(EditPreferencesDto) dto: EditPreferencesDto,
  ): Promise<TopLevelResult> {
    return this.profiles.editPreferences(user, dto);
  }

  @Post('email/update')
  @Public()
  @HttpCode(200)
  confirmEmailUpdate(@JsonBody(TokenDto) dto: TokenDto): Promise<TopLevelResult> {
    return this.accounts.confirmEmailUpdate(dto.token);
  }

  @Post('picture')
  @Scopes(SCOPE.PROFILE_WRITE)
  @UseInterceptors(PictureUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'The image.' } },
    },
  })
  @HttpCode(200)
  uploadPicture(
    @CurrentUser() user: User,
    @UploadedPicture() upload: PictureUpload,
  ): Promise<TopLevelResult> {
    return this.pictures.upload(user, upload);
  }

  @Delete('picture')
  @Scopes(SCOPE.PROFILE_WRITE)
  @HttpCode(204)
  removePicture(@CurrentUser() user: User): Promise<void> {
    return this.pictures.remove(user);
  }
}
