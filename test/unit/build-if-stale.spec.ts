import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The CommonJS script `npm start` runs before the server (scripts/build-if-stale.js). */
interface BuildIfStale {
  inputsHash(root: string): string;
  writeStamp(root: string, hash: string): void;
}

const SCRIPT = resolve(__dirname, '..', '..', 'scripts', 'build-if-stale.js');
const script = createRequire(__filename)(SCRIPT) as BuildIfStale;

describe('scripts/build-if-stale.js', () => {
  let root: string;

  /** `--check`: 0 when the build is fresh, 1 when `npm start` would build. */
  const check = (): number | null =>
    spawnSync(process.execPath, [join(root, 'scripts', 'build-if-stale.js'), '--check']).status;
  const stamp = (): void => {
    script.writeStamp(root, script.inputsHash(root));
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pacekeeper-stamp-'));
    mkdirSync(join(root, 'scripts'));
    copyFileSync(SCRIPT, join(root, 'scripts', 'build-if-stale.js'));
    mkdirSync(join(root, 'src', 'users'), { recursive: true });
    writeFileSync(join(root, 'src', 'main.ts'), 'console.log(1);\n');
    writeFileSync(join(root, 'src', 'users', 'users.service.ts'), 'export {};\n');
    writeFileSync(join(root, 'tsconfig.json'), '{}\n');
    writeFileSync(join(root, 'package-lock.json'), '{}\n');
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'main.js'), '');
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('builds a fresh clone (no dist) and a build that has no stamp', () => {
    expect(check()).toBe(1);
    rmSync(join(root, 'dist'), { recursive: true });
    expect(check()).toBe(1);
  });

  it('does not build again when nothing changed, even if mtimes did', () => {
    stamp();
    expect(check()).toBe(0);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'src', 'main.ts'), later, later);
    expect(check()).toBe(0);
  });

  it('builds again when a source, a new file, tsconfig or the lock file changes', () => {
    const edits: [string, string][] = [
      [join(root, 'src', 'users', 'users.service.ts'), 'export const a = 1;\n'],
      [join(root, 'src', 'users', 'new.ts'), 'export {};\n'],
      [join(root, 'tsconfig.json'), '{"compilerOptions":{}}\n'],
      [join(root, 'package-lock.json'), '{"lockfileVersion":3}\n'],
    ];
    for (const [file, text] of edits) {
      stamp();
      writeFileSync(file, text);
      expect(check()).toBe(1);
    }
  });

  it('ignores spec files, which the build excludes', () => {
    stamp();
    writeFileSync(join(root, 'src', 'users', 'users.service.spec.ts'), 'it("x", () => {});\n');
    expect(check()).toBe(0);
  });

  it('builds again when the built main.js is missing', () => {
    stamp();
    rmSync(join(root, 'dist', 'main.js'));
    expect(check()).toBe(1);
  });
});
