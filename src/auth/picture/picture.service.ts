import { join } from 'node:path';

import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AppConfigService } from 'src/app-config/app-config.service';
import {
  detectImageType,
  extensionOf,
  PICTURE_EXTENSIONS,
  secureFilename,
} from 'src/auth/picture/image-type';
import type { PictureUpload } from 'src/auth/picture/picture-upload.decorator';
import { topLevel, type TopLevelResult } from 'src/common/envelope/envelope.types';
import { AppError } from 'src/common/errors/app-error';
import { isConnectionFailure } from 'src/common/errors/connection-failure';
import { InvalidPayloadError } from 'src/common/errors/http-errors';
import { PayloadTooLargeError } from 'src/common/errors/payload-too-large.error';
import { isStorageFull } from 'src/common/errors/storage-full';
import { StorageUnavailableError } from 'src/common/storage/storage-unavailable.error';
import { User } from 'src/users/user.entity';
import { UserFilesService } from 'src/users/user-files.service';
import { Repository } from 'typeorm';

const fail = (message: string): AppError => new InvalidPayloadError(message, 'fail');

/**
 * Avatar upload and removal (FitTrackee `POST /api/auth/picture`, `DELETE /api/auth/picture`);
 * files under UPLOAD_FOLDER/pictures/<id>/.
 */
@Injectable()
export class PictureService {
  private readonly logger = new Logger('Pictures');

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly appConfig: AppConfigService,
    private readonly files: UserFilesService,
  ) {}

  /**
   * The checks of FitTrackee `POST /api/auth/picture`, in its order; the type is also checked on
   * the content, not only the name.
   */
  async upload(user: User, upload: PictureUpload): Promise<TopLevelResult> {
    const { file, contentLength } = upload;
    if (file === undefined)
      throw fail(upload.hasEmptyFileName ? 'no selected file' : 'no file part');
    if (file.originalname === '') throw fail('no selected file');
    const extension = extensionOf(file.originalname);
    if (!(PICTURE_EXTENSIONS as readonly string[]).includes(extension))
      throw fail('file extension not allowed');
    const { maxSingleFileSize } = await this.appConfig.getUploadLimits();
    if ((contentLength ?? file.buffer.length) > maxSingleFileSize)
      throw new PayloadTooLargeError('picture', contentLength, maxSingleFileSize);
    const type = detectImageType(file.buffer);
    if (type === undefined) throw fail('file extension not allowed');
    const name = secureFilename(file.originalname) || `picture.${type}`;
    const relative = join('pictures', String(user.id), name);
    try {
      await this.files.writePicture(relative, file.buffer);
      // The row never points at a removed file: the old one goes once the new one is recorded.
      await this.users.update(user.id, { picture: relative });
      if (user.picture !== null && user.picture !== relative) await this.removeFile(user.picture);
    } catch (error) {
      if (
        isConnectionFailure(error) ||
        isStorageFull(error) ||
        error instanceof StorageUnavailableError
      )
        throw error;
      this.logger.error({ err: error }, 'picture upload failed');
      throw new AppError(500, 'fail', { message: 'error during picture update' });
    }
    return topLevel({ message: 'user picture updated' });
  }

  /**
   * No picture is not an error here (FitTrackee crashes, FitTrackee `DELETE /api/auth/picture`).
   */
  async remove(user: User): Promise<void> {
    try {
      await this.users.update(user.id, { picture: null });
      if (user.picture !== null) await this.removeFile(user.picture);
    } catch (error) {
      if (
        isConnectionFailure(error) ||
        isStorageFull(error) ||
        error instanceof StorageUnavailableError
      )
        throw error;
      this.logger.error({ err: error }, 'picture deletion failed');
      throw new AppError(500, 'fail', { message: 'error during picture deletion' });
    }
  }

  private removeFile(relative: string): Promise<void> {
    return this.files.remove(relative);
  }
}
