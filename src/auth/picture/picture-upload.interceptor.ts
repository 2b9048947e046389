import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import type { Observable } from 'rxjs';
import { AppConfigService } from 'src/app-config/app-config.service';
import { InvalidPayloadError } from 'src/common/errors/http-errors';
import { PayloadTooLargeError } from 'src/common/errors/payload-too-large.error';
import { watchEmptyFileName } from 'src/common/multipart/empty-file-name-watch';

/** The request after PictureUploadInterceptor: multer's `files`, plus what multer drops. */
export interface PictureRequest extends Request {
  /** A `file` part came with an empty file name (FitTrackee `POST /api/auth/picture`). */
  hasEmptyFileName?: boolean;
}

/**
 * The request's Content-Length, the "file size" of FitTrackee's 413 message
 * (docs/compatibility.md#errors).
 */
export function contentLengthOf(request: Request): number | undefined {
  const header = request.headers['content-length'];
  return header !== undefined && /^\d+$/.test(header) ? Number(header) : undefined;
}

/**
 * Parses the multipart body into memory once the global request limit (`max_zip_file_size`,
 * FitTrackee `POST /api/auth/picture`) is known to hold; the handler sees `request.files`.
 */
@Injectable()
export class PictureUploadInterceptor implements NestInterceptor {
  constructor(private readonly appConfig: AppConfigService) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<PictureRequest>();
    const { maxZipFileSize } = await this.appConfig.getUploadLimits();
    const length = contentLengthOf(request);
    if (length !== undefined && length > maxZipFileSize)
      throw new PayloadTooLargeError('picture', length, maxZipFileSize);
    await parseMultipart(request, http.getResponse<Response>(), maxZipFileSize, length);
    return next.handle();
  }
}

function parseMultipart(
  request: PictureRequest,
  response: Response,
  maxSize: number,
  length: number | undefined,
): Promise<void> {
  const middleware = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxSize, files: 5 },
  }).any();
  const isEmptyFileNameSeen = watchEmptyFileName(request);
  return new Promise((resolve, reject) => {
    middleware(request, response, (error: unknown) => {
      request.hasEmptyFileName = isEmptyFileNameSeen();
      if (error === undefined || error === null) resolve();
      else if (error instanceof MulterError && error.code === 'LIMIT_FILE_SIZE')
        reject(new PayloadTooLargeError('picture', length, maxSize));
      else reject(new InvalidPayloadError());
    });
  });
}
