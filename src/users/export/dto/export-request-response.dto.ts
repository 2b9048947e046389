/**
 * An export request as the data-export endpoints return it (FitTrackee
 * `POST /api/auth/account/export/request`).
 */
export class ExportRequestResponseDto {
  created_at!: string;
  /** `in_progress`, `successful` or `errored`. */
  status!: string;
  file_name!: string | null;
  file_size!: number | null;
}
