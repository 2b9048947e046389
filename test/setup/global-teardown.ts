import 'tsconfig-paths/register';

import { ENV_GATE_DIR } from 'test/conformance/conformance-gate';
import { reportConformance } from 'test/conformance/conformance-report';
import { dropDatabase, ENV_TEMPLATE, withAdminClient } from 'test/setup/test-database';

export default async function globalTeardown(): Promise<void> {
  const gateDir = process.env[ENV_GATE_DIR];
  if (gateDir !== undefined) reportConformance(gateDir);
  const template = process.env[ENV_TEMPLATE];
  if (template === undefined) return;
  await withAdminClient((client) => dropDatabase(client, template));
}
