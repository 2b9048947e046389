import { Injectable, Logger } from '@nestjs/common';
import { AppError } from 'src/common/errors/app-error';
import { ForbiddenError, NotFoundError } from 'src/common/errors/http-errors';
import { User } from 'src/users/user.entity';
import { UserFilesService } from 'src/users/user-files.service';
import { DataSource } from 'typeorm';

/**
 * FitTrackee `DELETE /api/users/<username>`. The rows of other features (workouts,
 * records, sport preferences, export request, OAuth2 clients and tokens) reference `users`
 * with `ON DELETE CASCADE`, so deleting the user row removes them in the same statement.
 */
@Injectable()
export class UserDeletionService {
  private readonly logger = new Logger(UserDeletionService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly files: UserFilesService,
  ) {}

  async remove(caller: User, username: string): Promise<void> {
    const removed = await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOneBy(User, { username });
      if (!user) throw new NotFoundError('user does not exist');
      if (user.id !== caller.id && !caller.admin) throw new ForbiddenError();
      if (user.admin) {
        // Lock the admin rows so that two admins cannot delete each other at the same time.
        const admins: unknown[] = await manager.query(
          `SELECT "id" FROM "users" WHERE "admin" = true FOR UPDATE`,
        );
        if (admins.length === 1) {
          throw AppError.message(
            403,
            'error',
            'you can not delete your account, no other user has admin rights',
          );
        }
      }
      await manager.delete(User, { id: user.id });
      return user;
    });
    await this.removeFiles(removed);
  }

  /** The avatar and the user's folders of exports, workout files and pictures. */
  private async removeFiles(user: User): Promise<void> {
    try {
      if (user.picture !== null) await this.files.remove(user.picture);
      for (const folder of ['exports', 'workouts', 'pictures'])
        await this.files.remove(`${folder}/${user.id}`);
    } catch (error) {
      // The rows are gone: the answer stays a success; the leftovers are logged for the admin.
      this.logger.warn(`could not delete the files of user ${user.id}: ${String(error)}`);
    }
  }
}
