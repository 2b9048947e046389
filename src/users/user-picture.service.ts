import { extname } from 'node:path';

import { Injectable, StreamableFile } from '@nestjs/common';
import { NotFoundError } from 'src/common/errors/http-errors';
import { UserFilesService } from 'src/users/user-files.service';
import { UsersService } from 'src/users/users.service';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.gif': 'image/gif',
  '.jpeg': 'image/jpeg',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
};

/** `GET /api/users/<username>/picture` (as in FitTrackee). */
@Injectable()
export class UserPictureService {
  constructor(
    private readonly users: UsersService,
    private readonly files: UserFilesService,
  ) {}

  async get(username: string): Promise<StreamableFile> {
    const user = await this.users.getByUsername(username);
    const opened = user.picture === null ? null : await this.files.open(user.picture);
    if (opened === null || user.picture === null) throw new NotFoundError('No picture.');
    const type = CONTENT_TYPES[extname(user.picture).toLowerCase()] ?? 'application/octet-stream';
    return new StreamableFile(opened.stream, { type, length: opened.size });
  }
}
