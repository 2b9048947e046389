import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const BUILD_INPUTS = ['nest-cli.json', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * The server built exactly as `npm start` builds it (`nest build`, with the @nestjs/swagger
 * plugin reading the type checker), into a folder keyed by the sources, so a test sees what a
 * production start serves. Returns the path of `main.js`.
 */
export function builtServer(): string {
  const hash = createHash('sha256');
  for (const file of [
    ...filesUnder(join(ROOT, 'src')).sort(),
    ...BUILD_INPUTS.map((f) => join(ROOT, f)),
  ])
    hash.update(file).update('\0').update(readFileSync(file));
  // Under node_modules, so that the server's dependencies resolve as usual.
  const cache = join(ROOT, 'node_modules', '.cache');
  const out = join(cache, `pacekeeper-build-${hash.digest('hex').slice(0, 16)}`);
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
