import { Controller, Get, Header, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, FirstPartyOnly } from 'src/auth/decorators';
import { topLevel, type TopLevelResult } from 'src/common/envelope/envelope.types';
import { RawResponse } from 'src/common/envelope/raw-response.decorator';
import { DataExportService } from 'src/users/export/data-export.service';
import { ExportRequestResponseDto } from 'src/users/export/dto/export-request-response.dto';
import { User } from 'src/users/user.entity';

/** Export requests answer with a top-level `request` key, not `data` (docs/compatibility.md#envelope). */
@ApiTags('auth')
@Controller('auth/account/export')
export class DataExportController {
  constructor(private readonly exports: DataExportService) {}

  /** Starts a data export (FitTrackee `POST /api/auth/account/export/request`). */
  @Post('request')
  @FirstPartyOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: ExportRequestResponseDto })
  async request(@CurrentUser() user: User): Promise<TopLevelResult> {
    return topLevel({ request: await this.exports.request(user) });
  }

  /** The user's export request, or null (FitTrackee `GET /api/auth/account/export`). */
  @Get()
  @FirstPartyOnly()
  @ApiOkResponse({ type: ExportRequestResponseDto })
  async get(@CurrentUser() user: User): Promise<TopLevelResult> {
    return topLevel({ request: await this.exports.get(user) });
  }

  /** Downloads the archive (FitTrackee `GET /api/auth/account/export/<file_name>`). */
  @Get(':fileName')
  @FirstPartyOnly()
  @RawResponse()
  // All of a user's data, downloaded once: not even the browser's cache keeps it.
  @Header('Cache-Control', 'no-store')
  @ApiProduces('application/zip')
  @ApiNotFoundResponse({ description: '`file not found`, with `data.archive` empty.' })
  download(
    @CurrentUser() user: User,
    @Param('fileName') fileName: string,
  ): Promise<StreamableFile> {
    return this.exports.download(user, fileName);
  }
}
