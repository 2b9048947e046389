import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The shared fixtures folder: SHARED_FIXTURES_DIR, else the `fixtures` folder of a `shared`
 * directory beside the checkout (as CI lays it out), else the workstation copy. A missing folder fails the test
 * instead of skipping it.
 */
export function sharedFixturesDir(): string {
  const candidates = [
    process.env['SHARED_FIXTURES_DIR'],
    resolve(process.cwd(), '..', 'shared', 'fixtures'),
    '/work/shared/fixtures',
  ];
  const dir = candidates.find((candidate) => candidate !== undefined && existsSync(candidate));
  if (dir === undefined) throw new Error('shared fixtures folder not found (SHARED_FIXTURES_DIR)');
  return dir;
}

export function sharedFixture(...parts: string[]): string {
  return join(sharedFixturesDir(), ...parts);
}
