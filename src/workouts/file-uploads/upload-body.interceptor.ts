import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { catchError, from, type Observable, switchMap, throwError } from 'rxjs';
import { AppConfigService, type UploadLimits } from 'src/app-config/app-config.service';
import { InvalidPayloadError } from 'src/common/errors/http-errors';
import { PayloadTooLargeError } from 'src/common/errors/payload-too-large.error';
import { watchEmptyFileName } from 'src/common/multipart/empty-file-name-watch';
import { ReceivedGpx } from 'src/workouts/file-uploads/received-gpx';
import { StagedWrites } from 'src/workouts/file-uploads/staged-writes';
import { NoFilePartError } from 'src/workouts/file-uploads/upload-errors';
import { ChunkedMemoryStorage } from 'src/workouts/file-uploads/upload-storage-engine';
import { WorkoutFileStore } from 'src/workouts/files/storage/workout-file-store';
import { getWorkoutFileExtension } from 'src/workouts/files/workout-file-type';

/** The request after this interceptor: the admin limits it applied travel with it. */
export interface UploadRequest extends Request {
  uploadLimits?: UploadLimits;
  /** A `file` part came with an empty file name (multer drops it). */
  hasEmptyFileName?: boolean;
  /** Every file the request writes; removed by this interceptor when the request fails. */
  stagedWrites?: StagedWrites;
  /** A `.gpx` file part, written to a temp file and parsed while it was received. */
  receivedGpx?: ReceivedGpx;
}

/** Declared body size, undefined when absent or unusable (chunked transfer). */
export function contentLength(request: Request): number | undefined {
  const header = request.headers['content-length'];
  if (header === undefined || !/^\d+$/.test(header)) return undefined;
  return Number(header);
}

/**
 * `POST /api/workouts` body reading (docs/uploads.md#validation rule 1): a declared body larger
 * than `max_zip_file_size` is refused with 413 before a byte is read; otherwise the multipart body is
 * parsed into memory with a hard cap of `max_zip_file_size` on the file part, so an undeclared
 * or lying size is cut off as well. Runs after the auth guards, as in the reference.
 * The file part stays in the chunks it arrived in; a `.gpx` part that rule 5 will let through is
 * also written to a temp file and parsed as it arrives. Every file the request wrote is removed if it fails.
 */
@Injectable()
export class UploadBodyInterceptor implements NestInterceptor {
  constructor(
    private readonly appConfig: AppConfigService,
    private readonly storage: WorkoutFileStore,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<UploadRequest>();
    const response = http.getResponse<Response>();
    const writes = new StagedWrites(this.storage);
    request.stagedWrites = writes;
    return from(this.readBody(request, response, writes)).pipe(
      switchMap(() => next.handle()),
      // Whatever refused the request, nothing it wrote stays (after a commit this is a no-op).
      // A file that cannot be removed now is the start-up sweep's; the answer stays the refusal.
      catchError((error: unknown) =>
        from(writes.discardAll().catch(() => undefined)).pipe(
          switchMap(() => throwError(() => error)),
        ),
      ),
    );
  }

  private async readBody(
    request: UploadRequest,
    response: Response,
    writes: StagedWrites,
  ): Promise<void> {
    const limits = await this.appConfig.getUploadLimits();
    const size = contentLength(request);
    if (size !== undefined && size > limits.maxZipFileSize) {
      // The unread body is discarded by Node once the answer is sent; close so it is not kept.
      response.setHeader('Connection', 'close');
      throw new PayloadTooLargeError('workout', size, limits.maxZipFileSize);
    }
    request.uploadLimits = limits;
    // A GPX file that may be stored as it is: written and parsed while it arrives.
    const isStorable = size === undefined || size <= limits.maxSingleFileSize;
    const storage = new ChunkedMemoryStorage((fileName) => {
      if (!isStorable || getWorkoutFileExtension(fileName) !== 'gpx') return null;
      request.receivedGpx = new ReceivedGpx(writes.receiveUnnamed());
      return request.receivedGpx;
    });
    const parse = multer({
      storage,
      limits: { fileSize: limits.maxZipFileSize, files: 1, fields: 20, parts: 24 },
    }).single('file');
    const isEmptyFileNameSeen = watchEmptyFileName(request);
    await new Promise<void>((resolve, reject) => {
      parse(request, response, (error: unknown) => {
        request.hasEmptyFileName = isEmptyFileNameSeen();
        if (error === undefined || error === null) resolve();
        else reject(toUploadError(error, size, limits.maxZipFileSize));
      });
    });
  }
}

function toUploadError(error: unknown, size: number | undefined, limit: number): Error {
  if (!(error instanceof MulterError)) return new InvalidPayloadError();
  if (error.code === 'LIMIT_FILE_SIZE') return new PayloadTooLargeError('workout', size, limit);
  // A file under another field name, or a second file: the reference looks for `file` only.
  if (error.code === 'LIMIT_UNEXPECTED_FILE' || error.code === 'LIMIT_FILE_COUNT')
    return new NoFilePartError();
  return new InvalidPayloadError();
}
