import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { AppConfigService } from 'src/app-config/app-config.service';
import { MAILER, type Mailer } from 'src/common/email/mailer';
import { JOB_QUEUE, type JobQueue } from 'src/common/jobs/job-queue';
import type { AppConfig } from 'src/config/configuration';
import { DataExportArchiver, type GeneratedArchive } from 'src/users/export/data-export-archiver';
import { UserDataExport } from 'src/users/export/user-data-export.entity';
import { User } from 'src/users/user.entity';
import { normalizeLanguage } from 'src/users/user-rules';
import { Repository } from 'typeorm';

/** Job name of the archive generation (FitTrackee queue `fittrackee_users_exports`). */
export const DATA_EXPORT_JOB = 'users.data-export';

/**
 * Builds the archive of a pending request (FitTrackee `POST /api/auth/account/export/request`): as
 * a background job after `POST /api/auth/account/export/request`, or synchronously from `users export_archives`.
 */
@Injectable()
export class DataExportProcessor implements OnModuleInit {
  private readonly logger = new Logger(DataExportProcessor.name);

  constructor(
    @InjectRepository(UserDataExport) private readonly requests: Repository<UserDataExport>,
    @InjectRepository(User) private readonly users: Repository<User>,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(MAILER) private readonly mailer: Mailer,
    private readonly archiver: DataExportArchiver,
    private readonly appConfig: AppConfigService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  onModuleInit(): void {
    this.queue.register(DATA_EXPORT_JOB, async (payload) => {
      const id = payload['exportRequestId'];
      if (typeof id === 'number') await this.process(id);
    });
  }

  enqueue(request: UserDataExport): Promise<void> {
    return this.queue.enqueue(DATA_EXPORT_JOB, { exportRequestId: request.id });
  }

  /** FitTrackee `export_user_data`: a failed archive completes the request without a file. */
  async process(exportRequestId: number): Promise<void> {
    const request = await this.requests.findOneBy({ id: exportRequestId });
    if (!request || request.completed) return;
    const user = await this.users.findOneBy({ id: request.userId });
    if (!user) return;
    let archive: GeneratedArchive | null = null;
    try {
      archive = await this.archiver.generate(user);
    } catch (error) {
      this.logger.error({ err: error, exportRequestId }, 'data export archive failed');
    }
    await this.requests.update(request.id, {
      completed: true,
      fileName: archive?.fileName ?? null,
      fileSize: archive?.size ?? null,
      updatedAt: new Date(),
    });
    if (archive !== null && this.appConfig.isEmailSendingEnabled()) await this.sendReady(user);
  }

  /** FitTrackee `generate_user_data_archives`: up to `max` pending requests, oldest first. */
  async processPending(max: number): Promise<number> {
    const pending = await this.requests.find({
      where: { completed: false },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: max,
    });
    for (const request of pending) await this.process(request.id);
    return pending.length;
  }

  private async sendReady(user: User): Promise<void> {
    const uiUrl = this.config.get('app.uiUrl', { infer: true });
    await this.mailer.send({
      to: user.email,
      template: 'data_export_ready',
      language: normalizeLanguage(user.language),
      data: {
        username: user.username,
        fittrackee_url: uiUrl,
        account_url: `${uiUrl}/profile/edit/account`,
      },
    });
  }
}
