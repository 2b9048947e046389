import { basename } from 'node:path';

import { Inject, Injectable, Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  EMPTY_WORKOUTS_EXPORT,
  toPythonDateTime,
  USER_WORKOUTS_EXPORT,
  type UserWorkoutsExportProvider,
} from 'src/users/export/user-workouts-export';
import { findOptionalProvider } from 'src/users/optional-provider';
import { tokenUrlSafe } from 'src/users/secrets';
import type { User } from 'src/users/user.entity';
import { UserFilesService } from 'src/users/user-files.service';
import { UserSerializer } from 'src/users/user-serializer.service';
import { ZipFile } from 'yazl';

export interface GeneratedArchive {
  fileName: string;
  size: number;
}

/**
 * FitTrackee's `UserDataExporter` (FitTrackee `POST /api/auth/account/export/request`): a zip with
 * `user_data.json`, `user_workouts_data.json`, the avatar and `gpx/<file>.gpx` for each GPX file of the user,
 * written to `exports/<user id>/archive_<random>.zip` under the upload folder.
 */
@Injectable()
export class DataExportArchiver {
  constructor(
    private readonly files: UserFilesService,
    private readonly serializer: UserSerializer,
    private readonly moduleRef: ModuleRef,
    @Optional()
    @Inject(USER_WORKOUTS_EXPORT)
    private readonly injectedWorkouts?: UserWorkoutsExportProvider,
  ) {}

  async generate(user: User): Promise<GeneratedArchive> {
    const zip = new ZipFile();
    zip.addBuffer(jsonFile(await this.userData(user)), 'user_data.json');
    zip.addBuffer(
      jsonFile(await this.workouts().listForExport(user.id)),
      'user_workouts_data.json',
    );
    if (user.picture !== null) {
      const picture = await this.files.read(user.picture);
      if (picture !== null) zip.addBuffer(picture, basename(user.picture));
    }
    for (const name of await this.gpxFileNames(user.id)) {
      const content = await this.files.read(`workouts/${user.id}/${name}`);
      if (content !== null) zip.addBuffer(content, `gpx/${name}`);
    }
    zip.end();
    const fileName = `archive_${tokenUrlSafe(15)}.zip`;
    const size = await this.files.writeStream(`exports/${user.id}/${fileName}`, zip.outputStream);
    return { fileName, size };
  }

  /** The self serialization, with date-times in Python `str()` form like FitTrackee's dump. */
  private async userData(user: User): Promise<object> {
    const serialized = await this.serializer.serialize(user, user);
    return Object.assign({}, serialized, {
      birth_date: user.birthDate === null ? null : toPythonDateTime(user.birthDate),
      created_at: toPythonDateTime(user.createdAt),
    });
  }

  private workouts(): UserWorkoutsExportProvider {
    return (
      this.injectedWorkouts ??
      findOptionalProvider(this.moduleRef, USER_WORKOUTS_EXPORT, EMPTY_WORKOUTS_EXPORT)
    );
  }

  /** Regular `.gpx` files directly in the user's workout folder; symlinks are skipped. */
  private async gpxFileNames(userId: number): Promise<string[]> {
    const names = await this.files.listFiles(`workouts/${userId}`);
    return names.filter((name) => name.endsWith('.gpx'));
  }
}

/** `json.dumps(data, indent=4)`. */
function jsonFile(data: unknown): Buffer {
  return Buffer.from(JSON.stringify(data, null, 4));
}
