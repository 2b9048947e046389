import { Injectable, StreamableFile } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AppError } from 'src/common/errors/app-error';
import { isConnectionFailure } from 'src/common/errors/connection-failure';
import { DataNotFoundError } from 'src/common/errors/http-errors';
import { DataExportProcessor } from 'src/users/export/data-export-processor';
import type { ExportRequestResponseDto } from 'src/users/export/dto/export-request-response.dto';
import { toExportRequestResponse } from 'src/users/export/dto/to-export-request-response';
import { UserDataExport } from 'src/users/export/user-data-export.entity';
import type { User } from 'src/users/user.entity';
import { UserFilesService } from 'src/users/user-files.service';
import { LessThan, QueryFailedError, Repository } from 'typeorm';

/** FitTrackee `DATA_EXPORT_EXPIRATION`: a completed export blocks a new one for 24 hours. */
const EXPORT_EXPIRATION_MS = 24 * 3600 * 1000;

export interface CleanedArchives {
  deletedRequests: number;
  deletedArchives: number;
  freedSpace: number;
}

const ongoing = (): AppError => AppError.message(400, 'error', 'ongoing request exists');

/**
 * The data-export endpoints (FitTrackee `POST /api/auth/account/export/request`,
 * `GET /api/auth/account/export`, `GET /api/auth/account/export/<file_name>`).
 */
@Injectable()
export class DataExportService {
  constructor(
    @InjectRepository(UserDataExport) private readonly requests: Repository<UserDataExport>,
    private readonly processor: DataExportProcessor,
    private readonly files: UserFilesService,
  ) {}

  async request(user: User): Promise<ExportRequestResponseDto> {
    const existing = await this.requests.findOneBy({ userId: user.id });
    if (existing) {
      if (!existing.completed) throw ongoing();
      if (existing.createdAt.getTime() > Date.now() - EXPORT_EXPIRATION_MS)
        throw AppError.message(400, 'error', 'completed request already exists');
      await this.removeRequest(existing);
    }
    let created: UserDataExport;
    try {
      created = await this.requests.save(
        this.requests.create({ userId: user.id, createdAt: new Date(), completed: false }),
      );
    } catch (error) {
      // The unique user_id index: a concurrent request was created first (a lost database
      // is no such refusal: it answers 503).
      if (error instanceof QueryFailedError && !isConnectionFailure(error)) throw ongoing();
      throw error;
    }
    await this.processor.enqueue(created);
    return toExportRequestResponse(created);
  }

  async get(user: User): Promise<ExportRequestResponseDto | null> {
    const existing = await this.requests.findOneBy({ userId: user.id });
    return existing ? toExportRequestResponse(existing) : null;
  }

  /** Only the file name of the user's own completed request is ever opened. */
  async download(user: User, fileName: string): Promise<StreamableFile> {
    const existing = await this.requests.findOneBy({ userId: user.id });
    const isAvailable = existing?.completed === true && existing.fileName === fileName;
    const opened = isAvailable ? await this.files.open(`exports/${user.id}/${fileName}`) : null;
    if (opened === null) throw new DataNotFoundError('archive', 'file not found');
    return new StreamableFile(opened.stream, {
      type: 'application/zip',
      length: opened.size,
      disposition: `attachment; filename="${fileName}"`,
    });
  }

  /** Deletes a request row and its archive (FitTrackee's `after_delete` listener). */
  async removeRequest(request: UserDataExport): Promise<void> {
    await this.requests.delete(request.id);
    if (request.fileName !== null)
      await this.files.remove(`exports/${request.userId}/${request.fileName}`);
  }

  /**
   * FitTrackee `clean_user_data_export` (`users clean_archives --days N`): completed requests
   * created more than `days` days ago are deleted with their archives.
   */
  async clean(days: number): Promise<CleanedArchives> {
    const counts: CleanedArchives = { deletedRequests: 0, deletedArchives: 0, freedSpace: 0 };
    const limit = new Date(Date.now() - days * 86400 * 1000);
    const expired = await this.requests.findBy({ completed: true, createdAt: LessThan(limit) });
    for (const request of expired) {
      if (request.fileName !== null) {
        const archive = await this.files.open(`exports/${request.userId}/${request.fileName}`);
        if (archive !== null) {
          archive.stream.destroy();
          counts.deletedArchives += 1;
          counts.freedSpace += request.fileSize ?? archive.size;
        }
      }
      await this.removeRequest(request);
      counts.deletedRequests += 1;
    }
    return counts;
  }
}
