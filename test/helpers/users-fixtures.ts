import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { AppConfig } from 'src/config/configuration';
import { User } from 'src/users/user.entity';
import type { DataSource } from 'typeorm';

/** A 1×1 PNG, enough for the picture endpoint and the export archive. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Writes `content` at `relativePath` under the upload folder; returns the absolute path. */
export function writeUpload(
  config: AppConfig,
  relativePath: string,
  content: Buffer | string,
): string {
  const path = join(config.app.uploadFolder, relativePath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** Stores an avatar file for the user and records its relative path, as the upload does. */
export async function giveAvatar(
  dataSource: DataSource,
  config: AppConfig,
  user: User,
  fileName = 'avatar.png',
): Promise<string> {
  const relativePath = `pictures/${user.id}/${fileName}`;
  writeUpload(config, relativePath, TINY_PNG);
  await dataSource.getRepository(User).update(user.id, { picture: relativePath });
  return relativePath;
}

export function reloadUser(dataSource: DataSource, id: number): Promise<User | null> {
  return dataSource.getRepository(User).findOneBy({ id });
}
