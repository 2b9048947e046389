import { type ExecutionContext } from '@nestjs/common';
import type { UploadLimits } from 'src/app-config/app-config.service';
import { createCheckedParamDecorator } from 'src/common/validation/checked-param.decorator';
import type { ReceivedGpx } from 'src/workouts/file-uploads/received-gpx';
import type { StagedWrites } from 'src/workouts/file-uploads/staged-writes';
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
  /** The request's files, removed by the interceptor if the request fails. */
  writes: StagedWrites;
  /** The `.gpx` file part, already on its way to disk and parsed. */
  receivedGpx: ReceivedGpx | undefined;
}

/** `data` is checked by the edge rules once parsed (parseUploadData). */
export const UploadPartsParam = createCheckedParamDecorator(
  (_data: unknown, context: ExecutionContext): UploadParts => {
    const request = context.switchToHttp().getRequest<UploadRequest>();
    const body = request.body as Record<string, unknown> | undefined;
    const limits = request.uploadLimits;
    const writes = request.stagedWrites;
    if (limits === undefined || writes === undefined)
      throw new Error('UploadBodyInterceptor did not run');
    return {
      file: request.file as (Express.Multer.File & UploadedFile) | undefined,
      hasEmptyFileName: request.hasEmptyFileName ?? false,
      data: body?.['data'],
      limits,
      requestSize: contentLength(request),
      writes,
      receivedGpx: request.receivedGpx,
    };
  },
);
