import { randomBytes } from 'node:crypto';

import { hashSync } from 'bcrypt';
import { User } from 'src/users/user.entity';
import type { DataSource } from 'typeorm';

export interface UserSeed {
  username?: string;
  email?: string;
  password?: string;
  admin?: boolean;
  isActive?: boolean;
}

export const DEFAULT_PASSWORD = '12345678';

/** Inserts a user straight into the database (bcrypt cost 4, as the test configuration). */
export async function createUser(dataSource: DataSource, seed: UserSeed = {}): Promise<User> {
  const suffix = randomBytes(4).toString('hex');
  const username = seed.username ?? `user_${suffix}`;
  const repository = dataSource.getRepository(User);
  return repository.save(
    repository.create({
      username,
      email: seed.email ?? `${username}@example.com`,
      password: hashSync(seed.password ?? DEFAULT_PASSWORD, 4),
      admin: seed.admin ?? false,
      isActive: seed.isActive ?? true,
      acceptedPolicyDate: new Date(),
    }),
  );
}
