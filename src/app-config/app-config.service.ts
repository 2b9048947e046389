import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { AppConfigEntity } from 'src/app-config/app-config.entity';
import type { AppConfigResponseDto } from 'src/app-config/dto/app-config-response.dto';
import { toAppConfigResponse } from 'src/app-config/dto/to-app-config-response';
import type { UpdateAppConfigDto } from 'src/app-config/dto/update-app-config.dto';
import { AppError } from 'src/common/errors/app-error';
import { InternalError } from 'src/common/errors/http-errors';
import type { AppConfig } from 'src/config/configuration';
import { User } from 'src/users/user.entity';
import { isValidEmail } from 'src/users/user-rules';
import { Repository } from 'typeorm';

export interface UploadLimits {
  gpxLimitImport: number;
  maxSingleFileSize: number;
  maxZipFileSize: number;
}

@Injectable()
export class AppConfigService implements OnModuleInit {
  constructor(
    @InjectRepository(AppConfigEntity) private readonly configs: Repository<AppConfigEntity>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /** The single row is created at first start (FitTrackee `GET /api/config`). */
  async onModuleInit(): Promise<void> {
    await this.configs.query(
      `INSERT INTO "app_config" ("id") SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM "app_config")`,
    );
  }

  async getRow(): Promise<AppConfigEntity> {
    const rows = await this.configs.find({ take: 2 });
    const [row] = rows;
    if (rows.length !== 1 || row === undefined)
      throw new InternalError('error on getting configuration');
    return row;
  }

  async get(): Promise<AppConfigResponseDto> {
    const row = await this.getRow();
    return toAppConfigResponse(
      row,
      await this.isRegistrationEnabled(row),
      this.isEmailSendingEnabled(),
      this.config,
    );
  }

  async getUploadLimits(): Promise<UploadLimits> {
    const row = await this.getRow();
    return {
      gpxLimitImport: row.gpxLimitImport,
      maxSingleFileSize: row.maxSingleFileSize,
      maxZipFileSize: row.maxZipFileSize,
    };
  }

  /**
   * `max_users == 0` or fewer users (active or not) than `max_users` (FitTrackee
   * `GET /api/config`).
   */
  async isRegistrationEnabled(row?: AppConfigEntity): Promise<boolean> {
    const { maxUsers } = row ?? (await this.getRow());
    if (maxUsers === 0) return true;
    return (await this.users.count()) < maxUsers;
  }

  isEmailSendingEnabled(): boolean {
    return this.config.get('email.url', { infer: true }) !== undefined;
  }

  /** `PATCH /api/config` (as in FitTrackee): collect errors, apply, check sizes, save. */
  async update(changes: UpdateAppConfigDto): Promise<AppConfigResponseDto> {
    const errors = validateChanges(changes);
    if (errors.length > 0) throw AppError.message(400, 'error', errors);
    const row = await this.getRow();
    applyChanges(row, changes);
    if (row.maxZipFileSize < row.maxSingleFileSize) {
      throw AppError.message(
        400,
        'error',
        'Max. size of zip archive must be equal or greater than max. size of uploaded files',
      );
    }
    const saved = await this.configs.save(row);
    return toAppConfigResponse(
      saved,
      await this.isRegistrationEnabled(saved),
      this.isEmailSendingEnabled(),
      this.config,
    );
  }
}

function validateChanges(changes: UpdateAppConfigDto): string[] {
  const errors: string[] = [];
  const isNotPositive = (value: number | null | undefined): boolean =>
    typeof value === 'number' && value <= 0;
  if (isNotPositive(changes.gpx_limit_import))
    errors.push('Max. files in a zip archive must be greater than 0');
  if (isNotPositive(changes.max_single_file_size))
    errors.push('Max. size of uploaded files must be greater than 0');
  if (isNotPositive(changes.max_zip_file_size))
    errors.push('Max. size of zip archive must be greater than 0');
  const contact = changes.admin_contact;
  if (contact !== undefined && contact !== null && contact !== '' && !isValidEmail(contact)) {
    errors.push('valid email must be provided for admin contact');
  }
  return errors;
}

function applyChanges(row: AppConfigEntity, changes: UpdateAppConfigDto): void {
  if (typeof changes.gpx_limit_import === 'number') row.gpxLimitImport = changes.gpx_limit_import;
  if (typeof changes.max_single_file_size === 'number')
    row.maxSingleFileSize = changes.max_single_file_size;
  if (typeof changes.max_zip_file_size === 'number') row.maxZipFileSize = changes.max_zip_file_size;
  if (typeof changes.max_users === 'number') row.maxUsers = changes.max_users;
  if (changes.admin_contact !== undefined) row.adminContact = changes.admin_contact || null;
  if (changes.about !== undefined) row.about = changes.about || null;
  if (changes.privacy_policy !== undefined) {
    row.privacyPolicy = changes.privacy_policy || null;
    row.privacyPolicyDate = row.privacyPolicy === null ? null : new Date();
  }
}
