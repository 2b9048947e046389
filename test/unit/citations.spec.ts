import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The repository documents itself: comments, test names, docs and the OpenAPI document may cite
 * FitTrackee endpoints, RFC sections or the repository's own `docs/*.md` pages, never a document
 * that is not in the repository. Every `docs/<page>.md` mention must name a page that exists and
 * every `#anchor` a heading of that page.
 */

const ROOT = join(__dirname, '..', '..');
const SCANNED = ['src', 'test', 'bench', 'examples', 'docs', 'README.md', 'openapi.json'];
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'coverage']);
const TEXT_EXTENSIONS = /\.(ts|js|mjs|cjs|json|md|html|css|ya?ml|txt)$/;

// The forbidden forms, assembled from pieces so that this file does not match them itself.
const SECTION = '\u00a7';
const SPEC_WORD = ['sp', 'ec'].join('');
const FORBIDDEN: readonly RegExp[] = [
  new RegExp(`\\b${SPEC_WORD} [a-z0-9-]+\\.md`),
  new RegExp(`\\b${SPEC_WORD} README`),
  new RegExp(`${['STY', 'LE'].join('')} ${SECTION}`),
  new RegExp(['\\.\\.', 'shared'].join('/')),
  new RegExp(`(?<![\\w/.-])(auth|oauth2|users|workouts|config|cli)\\.md ${SECTION}`),
];

interface Line {
  file: string;
  number: number;
  text: string;
}

function filesUnder(path: string): string[] {
  const absolute = join(ROOT, path);
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) return TEXT_EXTENSIONS.test(path) ? [path] : [];
  return readdirSync(absolute, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory())
      return SKIPPED_DIRECTORIES.has(entry.name) ? [] : filesUnder(join(path, entry.name));
    if (entry.isSymbolicLink() && SKIPPED_DIRECTORIES.has(entry.name)) return [];
    return entry.isFile() && TEXT_EXTENSIONS.test(entry.name) ? [join(path, entry.name)] : [];
  });
}

function linesOf(files: readonly string[]): Line[] {
  return files.flatMap((file) =>
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .map((text, index) => ({ file, number: index + 1, text })),
  );
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(page: string): Set<string> {
  const text = readFileSync(join(ROOT, 'docs', page), 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) => slug(match[1] ?? '')));
}

/** `docs/<page>.md[#anchor]` anywhere, plus relative links between docs pages. */
function docReferences(line: Line): { page: string; anchor?: string }[] {
  const mentions = [...line.text.matchAll(/\bdocs\/([a-z0-9-]+\.md)(?:#([a-z0-9-]+))?/g)].map(
    (match) => ({ page: match[1] ?? '', anchor: match[2] }),
  );
  if (!line.file.startsWith('docs/')) return mentions;
  const ownPage = relative('docs', line.file);
  const links = [...line.text.matchAll(/\]\(([a-z0-9-]+\.md)?(?:#([a-z0-9-]+))?\)/g)]
    .filter((match) => match[1] !== undefined || match[2] !== undefined)
    .map((match) => ({ page: match[1] ?? ownPage, anchor: match[2] }));
  return [...mentions, ...links];
}

const lines = linesOf(SCANNED.flatMap(filesUnder));

describe('citations', () => {
  it('scans the repository', () => {
    expect(lines.length).toBeGreaterThan(10_000);
    expect(lines.some((line) => line.file.startsWith('docs/'))).toBe(true);
  });

  it('cite no document outside the repository', () => {
    const offending = lines
      .filter((line) => FORBIDDEN.some((pattern) => pattern.test(line.text)))
      .map((line) => `${line.file}:${line.number}: ${line.text.trim()}`);
    expect(offending).toEqual([]);
  });

  it('name docs pages and headings that exist', () => {
    const anchors = new Map<string, Set<string>>();
    const broken = lines.flatMap((line) =>
      docReferences(line).flatMap(({ page, anchor }) => {
        const where = `${line.file}:${line.number}: docs/${page}${anchor ? `#${anchor}` : ''}`;
        if (!existsSync(join(ROOT, 'docs', page))) return [`${where} (no such page)`];
        if (anchor === undefined) return [];
        if (!anchors.has(page)) anchors.set(page, anchorsOf(page));
        return anchors.get(page)?.has(anchor) ? [] : [`${where} (no such heading)`];
      }),
    );
    expect(broken).toEqual([]);
  });
});
