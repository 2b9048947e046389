import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

import ts from 'typescript';

const ROOT = resolve(__dirname, '..', '..');
const SRC = join(ROOT, 'src');

const OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2023,
  esModuleInterop: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  removeComments: true,
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    const isSource = entry.name.endsWith('.ts') && !/\.(spec|d)\.ts$/.test(entry.name);
    return isSource ? [path] : [];
  });
}

/**
 * The server's sources transpiled file by file (no type check, as ts-node's transpile-only
 * mode does) into a folder keyed by their content, so a test can run the real server in a
 * process of its own in about a second instead of building it (`nest build`). Returns the
 * path of `main.js`.
 */
export function transpiledServer(): string {
  const files = sources(SRC).sort();
  const hash = createHash('sha256');
  const contents = files.map((file) => {
    const text = readFileSync(file, 'utf8');
    hash.update(file).update('\0').update(text);
    return text;
  });
  hash.update(ts.version);
  // Under node_modules, so that the server's dependencies resolve as usual.
  const out = join(
    ROOT,
    'node_modules',
    '.cache',
    `pacekeeper-server-${hash.digest('hex').slice(0, 16)}`,
  );
  const main = join(out, 'main.js');
  if (existsSync(main)) {
    touch(out);
    return main;
  }
  const building = `${out}.${process.pid}.tmp`;
  files.forEach((file, i) => {
    const target = join(building, relative(SRC, file)).replace(/\.ts$/, '.js');
    const { outputText } = ts.transpileModule(contents[i] ?? '', {
      compilerOptions: OPTIONS,
      fileName: file,
    });
    // `src/…` imports (tsconfig paths) become relative ones.
    const code = outputText.replace(/require\("src\/([^"]+)"\)/g, (_match, path: string) => {
      const to = relative(dirname(target), join(building, path));
      return `require("${to.startsWith('.') ? to : `./${to}`}")`;
    });
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
  });
  try {
    renameSync(building, out);
  } catch {
    rmSync(building, { recursive: true, force: true }); // another test process was first
  }
  pruneOlder(dirname(out), out);
  return main;
}

/**
 * A build unused for this long is of no further use. Another checkout sharing `node_modules`
 * (a git worktree) may be running a server from a build of other sources right now.
 */
const UNUSED_MS = 60 * 60 * 1000;

function pruneOlder(cache: string, current: string): void {
  for (const name of readdirSync(cache)) {
    const path = join(cache, name);
    if (!/^pacekeeper-server-[0-9a-f]{16}$/.test(name) || path === current) continue;
    const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    if (age > UNUSED_MS) rmSync(path, { recursive: true, force: true });
  }
}

function touch(path: string): void {
  const now = new Date();
  try {
    utimesSync(path, now, now);
  } catch {
    // pruned meanwhile: the next call builds it again
  }
}
