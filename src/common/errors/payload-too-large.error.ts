import { AppError } from 'src/common/errors/app-error';
import { formatFileSize } from 'src/common/format/file-size';

/**
 * 413 `Error during <kind> upload, file size (<size>) exceeds <limit>.`
 * (docs/compatibility.md#errors). "file size" is the whole request body (Content-Length); it is
 * omitted when unknown.
 */
export class PayloadTooLargeError extends AppError {
  constructor(kind: string, contentLength: number | undefined, limit: number | undefined) {
    const size = contentLength === undefined ? '' : `file size (${formatFileSize(contentLength)}) `;
    const max = limit === undefined ? 'limit' : formatFileSize(limit);
    super(413, 'fail', { message: `Error during ${kind} upload, ${size}exceeds ${max}.` });
  }
}
