import type { INestApplicationContext } from '@nestjs/common';
import { CliError } from 'src/cli/cli-output';
import type { User } from 'src/users/user.entity';
import { UsersService } from 'src/users/users.service';

/** The account named exactly `username`, or the CLI's "not found" message (as `users update`). */
export async function findUser(app: INestApplicationContext, username: string): Promise<User> {
  const user = await app.get(UsersService, { strict: false }).findByUsername(username);
  if (user === null)
    throw new CliError(
      `User '${username}' not found.\nCheck the provided user name (case sensitive).`,
    );
  return user;
}
