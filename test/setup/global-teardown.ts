import 'tsconfig-paths/register';

import { dropDatabase, ENV_TEMPLATE, withAdminClient } from 'test/setup/test-database';

export default async function globalTeardown(): Promise<void> {
  const template = process.env[ENV_TEMPLATE];
  if (template === undefined) return;
  await withAdminClient((client) => dropDatabase(client, template));
}
