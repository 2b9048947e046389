import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const GENERATOR = join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
const EXAMPLE = join(ROOT, 'examples', 'third-party-app');
const COMMITTED = join(EXAMPLE, 'api', 'schema.d.ts');

/**
 * The example app compiles against TypeScript types generated from the committed openapi.json,
 * so an API change that breaks it breaks `npm run typecheck`, not its users. `npm run openapi`
 * (or `npm run openapi:types` alone) rewrites the types.
 */
describe('Generated API types', () => {
  it('match what openapi-typescript generates from openapi.json (run `npm run openapi:types`)', () => {
    const generated = execFileSync(process.execPath, [GENERATOR, 'openapi.json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(generated).toContain('export interface paths {');
    const committed = existsSync(COMMITTED) ? readFileSync(COMMITTED, 'utf8') : '';
    expect(committed).toBe(generated);
  });

  it('are type-checked with the example app by `npm run typecheck`', () => {
    const { config } = ts.readConfigFile(join(ROOT, 'tsconfig.json'), (path) =>
      ts.sys.readFile(path),
    );
    const { fileNames } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
    const example = readdirSync(EXAMPLE, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => join(EXAMPLE, file));
    expect(example).toContain(COMMITTED);
    expect(fileNames).toEqual(expect.arrayContaining(example));
  });
});
