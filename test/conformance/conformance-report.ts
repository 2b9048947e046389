import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { type GateTally, gateValidator } from 'test/conformance/conformance-gate';

/** Joins the tallies the test files left and prints the conformance summary. */
export function reportConformance(dir: string): void {
  let files: string[];
  try {
    files = readdirSync(dir).filter((name) => name.endsWith('.json'));
  } catch {
    return;
  }
  const tallies = files.map(
    (name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as GateTally,
  );
  rmSync(dir, { recursive: true, force: true });
  const checked = tallies.reduce((sum, t) => sum + t.checked, 0);
  const mismatches = [...new Set(tallies.flatMap((t) => t.mismatches))].sort();
  const seen = new Set(tallies.flatMap((t) => t.seen));
  const declared = gateValidator().declaredPairs();
  const seenDeclared = declared.filter((pair) => seen.has(pair)).length;
  const operations = new Set(declared.map((pair) => pair.split(' ').slice(0, 2).join(' ')));
  const operationsSeen = new Set([...seen].map((pair) => pair.split(' ').slice(0, 2).join(' ')));
  const lines = [
    '',
    `OpenAPI conformance: ${checked} responses validated against openapi.json, ` +
      `${mismatches.length} distinct mismatches.`,
    `  operations exercised: ${operationsSeen.size}/${operations.size}; ` +
      `operation × status pairs seen: ${seen.size} (${seenDeclared} of ${declared.length} declared).`,
    ...[...operations]
      .filter((operation) => !operationsSeen.has(operation))
      .map((operation) => `  not exercised: ${operation}`),
    ...mismatches.map((mismatch) => `  ✗ ${mismatch}`),
  ];
  console.log(lines.join('\n'));
}
