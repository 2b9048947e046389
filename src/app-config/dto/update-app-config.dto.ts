import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AppConfigEntity } from 'src/app-config/app-config.entity';
import { FitsColumn } from 'src/common/validation/string-bounds.decorators';

const INT32_MAX = 2147483647;

/**
 * `PATCH /api/config` body (as in FitTrackee). Types and bounds are checked here; the
 * business messages (values ≤ 0, admin email, zip ≥ single file) come from the service, in the
 * reference's order and wording. Non-numeric sizes crash the reference with 500; here they are
 * `invalid payload`.
 */
export class UpdateAppConfigDto {
  @IsOptional()
  @IsInt()
  @Min(-INT32_MAX)
  @Max(INT32_MAX)
  gpx_limit_import?: number;

  @IsOptional()
  @IsInt()
  @Min(-INT32_MAX)
  @Max(INT32_MAX)
  max_single_file_size?: number;

  @IsOptional()
  @IsInt()
  @Min(-INT32_MAX)
  @Max(INT32_MAX)
  max_zip_file_size?: number;

  @IsOptional()
  @IsInt()
  @Min(-INT32_MAX)
  @Max(INT32_MAX)
  max_users?: number;

  @IsOptional()
  @IsString()
  @FitsColumn(AppConfigEntity, 'adminContact')
  admin_contact?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(100000)
  about?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(100000)
  privacy_policy?: string | null;
}
