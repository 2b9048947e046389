import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { UploadLimits } from 'src/app-config/app-config.service';
import {
  contentLength,
  type UploadRequest,
} from 'src/workouts/file-uploads/upload-body.interceptor';
import type { UploadedFile } from 'src/workouts/file-uploads/upload-file-checks';

/** What `UploadBodyInterceptor` read from a `POST /api/workouts` request. */
export interface UploadParts {
  file: UploadedFile | undefined;
  hasEmptyFileName: boolean;
  data: unknown;
  limits: UploadLimits;
  requestSize: number | undefined;
}

export const UploadPartsParam = createParamDecorator(
  (_data: unknown, context: ExecutionContext): UploadParts => {
    const request = context.switchToHttp().getRequest<UploadRequest>();
    const body = request.body as Record<string, unknown> | undefined;
    const limits = request.uploadLimits;
    if (limits === undefined) throw new Error('UploadBodyInterceptor did not run');
    return {
      file: request.file,
      hasEmptyFileName: request.hasEmptyFileName ?? false,
      data: body?.['data'],
      limits,
      requestSize: contentLength(request),
    };
  },
);
