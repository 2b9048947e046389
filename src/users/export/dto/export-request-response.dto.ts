import { ApiProperty } from '@nestjs/swagger';

export const EXPORT_STATUSES = ['in_progress', 'successful', 'errored'] as const;

/** An export request as the data-export endpoints return it (FitTrackee `UserDataExport.serialize`). */
export class ExportRequestResponseDto {
  /** RFC 1123 date-time of the request. */
  created_at!: string;
  /** `in_progress` until the worker is done, then `successful` or `errored`. */
  @ApiProperty({ enum: EXPORT_STATUSES })
  status!: (typeof EXPORT_STATUSES)[number];
  /** The archive to download (`archive_<random>.zip`), only when successful. */
  file_name!: string | null;
  /** The archive's size in bytes, only when successful. */
  @ApiProperty({ type: 'integer', nullable: true })
  file_size!: number | null;
}

/** `{"status": "success", "request": ...}`: the request sits beside `status`, not under `data`. */
export class ExportRequestEnvelopeDto {
  @ApiProperty({ enum: ['success'] })
  status!: 'success';

  @ApiProperty({ type: () => ExportRequestResponseDto })
  request!: ExportRequestResponseDto;
}

/**
 * `{"status": "success", "request": null}` when the user has no request. A schema of its own:
 * a nullable `$ref` would still apply the object schema to `null`.
 */
export const NO_EXPORT_REQUEST_SCHEMA = {
  type: 'object',
  required: ['status', 'request'],
  properties: {
    status: { type: 'string', enum: ['success'] },
    request: { type: 'object', nullable: true, enum: [null] },
  },
};
