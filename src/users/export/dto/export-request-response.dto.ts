/** An export request as the data-export endpoints return it (spec auth.md §4.18). */
export class ExportRequestResponseDto {
  created_at!: string;
  /** `in_progress`, `successful` or `errored`. */
  status!: string;
  file_name!: string | null;
  file_size!: number | null;
}
