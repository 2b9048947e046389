import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { contentLengthOf } from 'src/auth/picture/picture-upload.interceptor';

export interface PictureUpload {
  /** The `file` part; absent when the request has none (spec auth.md §4.10 step 2). */
  file: { originalname: string; buffer: Buffer } | undefined;
  /** A `file` form field that carries no file: FitTrackee's "no selected file" (step 3). */
  isFileFieldEmpty: boolean;
  contentLength: number | undefined;
}

/** The parsed multipart body left by PictureUploadInterceptor. */
export const UploadedPicture = createParamDecorator(
  (_data: unknown, context: ExecutionContext): PictureUpload => {
    const request = context.switchToHttp().getRequest<Request>();
    const files = Array.isArray(request.files) ? request.files : [];
    const fields = (request.body ?? {}) as Record<string, unknown>;
    return {
      file: files.find((file) => file.fieldname === 'file'),
      isFileFieldEmpty: fields['file'] !== undefined,
      contentLength: contentLengthOf(request),
    };
  },
);
