import { Controller, Get, Header, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CurrentUser, FirstPartyOnly } from 'src/auth/decorators';
import { topLevel, type TopLevelResult } from 'src/common/envelope/envelope.types';
import { RawResponse } from 'src/common/envelope/raw-response.decorator';
import { ApiErrors } from 'src/common/openapi/api-error-responses.decorator';
import { ApiFileResponse } from 'src/common/openapi/api-file-response.decorator';
import { DataExportService } from 'src/users/export/data-export.service';
import {
  ExportRequestEnvelopeDto,
  NO_EXPORT_REQUEST_SCHEMA,
} from 'src/users/export/dto/export-request-response.dto';
import { User } from 'src/users/user.entity';

const IN_PROGRESS_EXAMPLE = {
  status: 'success',
  request: {
    created_at: 'Tue, 08 Oct 2024 09:15:27 GMT',
    status: 'in_progress',
    file_name: null,
    file_size: null,
  },
};

const SUCCESSFUL_EXAMPLE = {
  status: 'success',
  request: {
    created_at: 'Tue, 08 Oct 2024 09:15:27 GMT',
    status: 'successful',
    file_name: 'archive_rgjsR3fHt295ywNQr5Yp.zip',
    file_size: 24388,
  },
};

/** Export requests answer with a top-level `request` key, not `data`, as FitTrackee does. */
@ApiTags('auth')
@Controller('auth/account/export')
export class DataExportController {
  constructor(private readonly exports: DataExportService) {}

  @Post('request')
  @FirstPartyOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Request a data export',
    description:
      "Queues an archive of all the user's data (profile, workouts, files); the worker builds " +
      'it in the background and emails the user when email sending is enabled. One request ' +
      'per user: a completed one blocks a new one for 24 hours, then is replaced. First-party ' +
      'token only. Mirrors FitTrackee `POST /api/auth/account/export/request`.',
  })
  @ApiOkResponse({
    type: ExportRequestEnvelopeDto,
    description: 'The new request, `in_progress`.',
    example: IN_PROGRESS_EXAMPLE,
  })
  @ApiErrors({
    400:
      '`ongoing request exists` while an export is in progress, or `completed request already ' +
      'exists` within 24 hours of the last one.',
  })
  async request(@CurrentUser() user: User): Promise<TopLevelResult> {
    return topLevel({ request: await this.exports.request(user) });
  }

  @Get()
  @FirstPartyOnly()
  @ApiOperation({
    summary: 'Get the data export request',
    description:
      "The user's export request and its progress, or `null` when there is none. First-party " +
      'token only. Mirrors FitTrackee `GET /api/auth/account/export`.',
  })
  @ApiExtraModels(ExportRequestEnvelopeDto)
  @ApiOkResponse({
    schema: {
      anyOf: [{ $ref: getSchemaPath(ExportRequestEnvelopeDto) }, NO_EXPORT_REQUEST_SCHEMA],
    },
    description: 'The request, or `request: null`.',
    example: SUCCESSFUL_EXAMPLE,
  })
  async get(@CurrentUser() user: User): Promise<TopLevelResult> {
    return topLevel({ request: await this.exports.get(user) });
  }

  @Get(':fileName')
  @FirstPartyOnly()
  @RawResponse()
  // All of a user's data, downloaded once: not even the browser's cache keeps it.
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Download the data export',
    description:
      "The archive of the user's own successful request, as an attachment, never cached. " +
      'First-party token only. Mirrors FitTrackee `GET /api/auth/account/export/<file_name>`.',
  })
  @ApiParam({
    name: 'fileName',
    type: 'string',
    description: "The `file_name` of the user's successful export request.",
    example: 'archive_rgjsR3fHt295ywNQr5Yp.zip',
  })
  @ApiFileResponse({
    description: 'The zip archive.',
    mediaTypes: ['application/zip'],
    example: '(the zip archive bytes)',
    headers: {
      'Content-Disposition': {
        description: '`attachment; filename="<file name>"`',
        schema: { type: 'string' },
      },
    },
  })
  @ApiErrors({
    404:
      '`file not found`, with `data.archive` empty: no successful request with this file name ' +
      'for this user.',
  })
  download(
    @CurrentUser() user: User,
    @Param('fileName') fileName: string,
  ): Promise<StreamableFile> {
    return this.exports.download(user, fileName);
  }
}
