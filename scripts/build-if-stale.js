'use strict';
/**
 * `npm start` builds only when the build is missing or older than its inputs, so a restart of an
 * already-built tree starts in seconds instead of paying `nest build` again.
 *
 * The inputs' contents (not their mtimes: a `git checkout` or a copy changes those without
 * changing the code) are hashed into `dist/.build-stamp`, written after a successful build.
 * `nest build` empties `dist/` first, so a failed build leaves no stamp and the next start
 * builds again.
 *
 * Plain CommonJS on purpose: it runs before anything is compiled and must cost milliseconds.
 *
 *   node scripts/build-if-stale.js          build if stale
 *   node scripts/build-if-stale.js --force  always build (`npm run build`)
 *   node scripts/build-if-stale.js --check  exit 0 when fresh, 1 when stale; never builds
 */
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join, relative, resolve, sep } = require('node:path');

const ROOT = resolve(__dirname, '..');
const STAMP = '.build-stamp';
/** Everything `nest build` reads besides node_modules (whose versions package-lock.json pins). */
const INPUT_FILES = ['tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'package-lock.json'];
const INPUT_DIRS = ['src'];

/** @param {string} dir @returns {string[]} */
function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    // Spec files are excluded from the build (tsconfig.build.json): editing a test rebuilds nothing.
    return entry.isFile() && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** @param {string} root @returns {string} hex sha256 over the build's input paths and contents */
function inputsHash(root) {
  const files = [
    ...INPUT_FILES.map((name) => join(root, name)).filter((path) => existsSync(path)),
    ...INPUT_DIRS.flatMap((name) => filesUnder(join(root, name))),
  ];
  const hash = createHash('sha256');
  for (const file of files.map((path) => relative(root, path).split(sep).join('/')).sort()) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** @param {string} root @returns {boolean} */
function isStale(root) {
  const stamp = join(root, 'dist', STAMP);
  if (!existsSync(join(root, 'dist', 'main.js')) || !existsSync(stamp)) return true;
  return readFileSync(stamp, 'utf8').trim() !== inputsHash(root);
}

/** @param {string} root @param {string} hash */
function writeStamp(root, hash) {
  writeFileSync(join(root, 'dist', STAMP), `${hash}\n`);
}

/** @param {string} root @returns {number} exit status of the build */
function build(root) {
  let nest;
  try {
    nest = require.resolve('@nestjs/cli/bin/nest.js', { paths: [root] });
  } catch {
    process.stderr.write(
      'The build needs the development dependencies: run `npm ci` (not `npm ci --omit=dev`), or start the built server with `node dist/main.js`.\n',
    );
    return 1;
  }
  // Hashed before building: an edit made during the build then makes the next start rebuild.
  const hash = inputsHash(root);
  process.stderr.write('Building the server (sources changed since the last build)…\n');
  const result = spawnSync(process.execPath, [nest, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) return result.status ?? 1;
  writeStamp(root, hash);
  return 0;
}

module.exports = { inputsHash, isStale, writeStamp, build, STAMP };

if (require.main === module) {
  const mode = process.argv[2];
  if (mode === '--check') process.exit(isStale(ROOT) ? 1 : 0);
  if (mode === '--force' || isStale(ROOT)) process.exit(build(ROOT));
}
