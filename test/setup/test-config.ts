import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type AppConfig, buildAppConfig } from 'src/config/configuration';

/** A complete, valid configuration for tests; `overrides` are environment variables. */
export function buildTestConfig(overrides: Record<string, string | undefined> = {}): AppConfig {
  const dataDir = mkdtempSync(join(tmpdir(), 'pacekeeper-test-'));
  return buildAppConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    APP_SECRET_KEY: 'test-secret-key-that-is-long-enough',
    BCRYPT_LOG_ROUNDS: '4',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    UI_URL: 'http://localhost:5000',
    ...overrides,
  });
}
