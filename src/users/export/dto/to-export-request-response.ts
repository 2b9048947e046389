import { toHttpDate } from 'src/common/format/http-date';
import type { ExportRequestResponseDto } from 'src/users/export/dto/export-request-response.dto';
import type { UserDataExport } from 'src/users/export/user-data-export.entity';

/**
 * FitTrackee `UserDataExport.serialize` (FitTrackee `POST /api/auth/account/export/request`); file
 * fields only when successful.
 */
export function toExportRequestResponse(request: UserDataExport): ExportRequestResponseDto {
  const isSuccessful = request.completed && request.fileName !== null;
  const status = request.completed ? (isSuccessful ? 'successful' : 'errored') : 'in_progress';
  return {
    created_at: toHttpDate(request.createdAt),
    status,
    file_name: isSuccessful ? request.fileName : null,
    file_size: isSuccessful ? request.fileSize : null,
  };
}
