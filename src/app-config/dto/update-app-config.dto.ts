import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AppConfigEntity } from 'src/app-config/app-config.entity';
import { FitsColumn } from 'src/common/validation/string-bounds.decorators';

const INT32_MAX = 2147483647;

/**
 * `PATCH /api/config` body (FitTrackee `PATCH /api/config`). Types and bounds are checked here; the
 * business messages (values ≤ 0, admin email, zip ≥ single file) come from the service, in the
 * reference's order and wording. Non-numeric sizes crash the reference with 500; here they are
 * `invalid payload`.
 */
export class UpdateAppConfigDto {
  @IsOptional()
  @IsInt()
  @Min(-INT32_MAX)
  @Max(INT32_MAX)
  @ApiPropertyOptional({
    type: 'integer',
    minimum: -INT32_MAX,
    maximum: INT32_MAX,
    description: 'Max. number of files in a zip archive of workouts; must be greater than 0.',
  })
  gpx_limit_import?: number;

  @IsOptional()
  @IsInt()
  @Min(-INT32_MAX)
  @Max(INT32_MAX)
  @ApiPropertyOptional({
    type: 'integer',
    minimum: -INT32_MAX,
    maximum: INT32_MAX,
    description: 'Max. size of an uploaded file, in bytes; must be greater than 0.',
  })
  max_single_file_size?: number;

  @IsOptional()
  @IsInt()
  @Min(-INT32_MAX)
  @Max(INT32_MAX)
  @ApiPropertyOptional({
    type: 'integer',
    minimum: -INT32_MAX,
    maximum: INT32_MAX,
    description:
      'Max. size of an uploaded zip archive, in bytes; must be greater than 0 and not less than `max_single_file_size`.',
  })
  max_zip_file_size?: number;

  @IsOptional()
  @IsInt()
  @Min(-INT32_MAX)
  @Max(INT32_MAX)
  @ApiPropertyOptional({
    type: 'integer',
    minimum: -INT32_MAX,
    maximum: INT32_MAX,
    description: 'Max. number of registered users; 0 means no limit.',
  })
  max_users?: number;

  @IsOptional()
  @IsString()
  @FitsColumn(AppConfigEntity, 'adminContact')
  @ApiPropertyOptional({
    type: 'string',
    nullable: true,
    description: 'Email address of the administrator; empty or null removes it.',
  })
  admin_contact?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(100000)
  @ApiPropertyOptional({
    type: 'string',
    nullable: true,
    description: 'Markdown text of the "about" page; empty or null removes it.',
  })
  about?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(100000)
  @ApiPropertyOptional({
    type: 'string',
    nullable: true,
    description:
      'Markdown text of the privacy policy, dated now; empty or null restores the default one.',
  })
  privacy_policy?: string | null;
}
