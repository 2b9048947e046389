import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The version in the project's package.json, found by walking up from this file: the same code
 * runs from `dist/`, from `src/` (ts-node) and from the tests' transpiled copy.
 */
export function appVersion(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === 'pacekeeper' && manifest.version !== undefined) return manifest.version;
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}
