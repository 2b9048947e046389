import { randomBytes } from 'node:crypto';

export interface MultipartBody {
  contentType: string;
  body: Buffer;
}

/**
 * A multipart body built by hand, so its exact length (the Content-Length FitTrackee's 413
 * message reports) is known. `filename: null` sends a plain form field named `file`.
 */
export function multipart(filename: string | null, content: Buffer, field = 'file'): MultipartBody {
  const boundary = `----pacekeeper${randomBytes(8).toString('hex')}`;
  const disposition =
    filename === null
      ? `form-data; name="${field}"`
      : `form-data; name="${field}"; filename="${filename}"`;
  const type = filename === null ? '' : 'Content-Type: application/octet-stream\r\n';
  const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}

export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
]);
export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
export const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
