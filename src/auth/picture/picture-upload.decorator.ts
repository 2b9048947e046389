import { type ExecutionContext } from '@nestjs/common';
import { contentLengthOf, type PictureRequest } from 'src/auth/picture/picture-upload.interceptor';
import { createCheckedParamDecorator } from 'src/common/validation/checked-param.decorator';

export interface PictureUpload {
  /** The `file` part; absent when the request has none (FitTrackee `POST /api/auth/picture`). */
  file: { originalname: string; buffer: Buffer } | undefined;
  /**
   * A `file` part with an empty file name, which multer drops: "no selected file" (step 3).
   * A plain `file` form field is no file part at all, as in Werkzeug.
   */
  hasEmptyFileName: boolean;
  contentLength: number | undefined;
}

/** The parsed multipart body left by PictureUploadInterceptor: one file, no text field. */
export const UploadedPicture = createCheckedParamDecorator(
  (_data: unknown, context: ExecutionContext): PictureUpload => {
    const request = context.switchToHttp().getRequest<PictureRequest>();
    const files = Array.isArray(request.files) ? request.files : [];
    return {
      file: files.find((file) => file.fieldname === 'file'),
      hasEmptyFileName: request.hasEmptyFileName ?? false,
      contentLength: contentLengthOf(request),
    };
  },
);
