import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString } from 'class-validator';
import { BoundedByService, NotStored } from 'src/common/validation/string-bounds.decorators';
import { User } from 'src/users/user.entity';
import { EMAIL_MAX_LENGTH, USERNAME_MAX_LENGTH } from 'src/users/user-rules';

/** `POST /api/auth/register` (as in FitTrackee); `accepted_policy` is checked by the service. */
export class RegisterDto {
  /** 3 to 30 characters: letters, digits and `_`; unique, case-insensitively. */
  @IsDefined()
  @IsString()
  @BoundedByService(User, 'username', USERNAME_MAX_LENGTH)
  username!: string;

  /** A valid address; the confirmation link is sent to it. */
  @IsDefined()
  @IsString()
  @BoundedByService(User, 'email', EMAIL_MAX_LENGTH)
  email!: string;

  /** 8 characters at least; hashed with bcrypt. */
  @IsDefined()
  @IsString()
  @NotStored()
  password!: string;

  /** Must be exactly JSON `true`; anything else has its own message. */
  @ApiProperty({ type: 'boolean', example: true })
  @IsDefined()
  accepted_policy!: unknown;

  /** Normalised to one of the supported languages, `en` otherwise. */
  @ApiPropertyOptional({ type: 'string', nullable: true, example: 'fr' })
  @IsOptional()
  language?: unknown;
}
