import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
// The content hash `npm start` keeps in dist/.build-stamp: one definition of "the sources changed".
const { inputsHash } = createRequire(__filename)('../../scripts/build-if-stale.js') as {
  inputsHash: (root: string) => string;
};

/**
 * The server built exactly as `npm start` builds it (`nest build`, with the @nestjs/swagger
 * plugin reading the type checker), into a folder keyed by the sources, so a test sees what a
 * production start serves. Returns the path of `main.js`.
 */
export function builtServer(): string {
  // Under node_modules, so that the server's dependencies resolve as usual.
  const cache = join(ROOT, 'node_modules', '.cache');
  const out = join(cache, `pacekeeper-build-${inputsHash(ROOT).slice(0, 16)}`);
  const main = join(out, 'main.js');
  if (existsSync(main)) return main;
  mkdirSync(out, { recursive: true });
  const tsconfig = join(cache, `pacekeeper-build-${process.pid}.tsconfig.json`);
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: join(ROOT, 'tsconfig.build.json'),
      compilerOptions: { outDir: out, tsBuildInfoFile: join(out, '.tsbuildinfo') },
    }),
  );
  try {
    execFileSync(
      process.execPath,
      // The CLI takes the tsconfig path relative to the workspace.
      [
        join(ROOT, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'),
        'build',
        '-p',
        relative(ROOT, tsconfig),
      ],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
  } finally {
    rmSync(tsconfig, { force: true });
  }
  for (const name of readdirSync(cache))
    if (/^pacekeeper-build-[0-9a-f]{16}$/.test(name) && join(cache, name) !== out)
      rmSync(join(cache, name), { recursive: true, force: true });
  return main;
}
