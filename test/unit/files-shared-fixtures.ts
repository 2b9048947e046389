import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The project's shared fixtures live beside the checkout (`../shared/fixtures`, as CI lays
 * them out) or at SHARED_FIXTURES_DIR; a missing folder fails the test instead of skipping it.
 */
export function sharedFixture(...parts: string[]): string {
  const candidates = [
    process.env['SHARED_FIXTURES_DIR'],
    resolve(__dirname, '..', '..', '..', 'shared', 'fixtures'),
    resolve(__dirname, '..', '..', '..', '..', 'shared', 'fixtures'),
  ].filter((dir): dir is string => dir !== undefined && existsSync(dir));
  const [dir] = candidates;
  if (dir === undefined) throw new Error('shared fixtures folder not found (SHARED_FIXTURES_DIR)');
  return join(dir, ...parts);
}
