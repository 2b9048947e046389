import { relative } from 'node:path';

import { currentTally, ENV_GATE_MODE, saveTally } from 'test/conformance/conformance-gate';

/**
 * Runs after each e2e test file: its responses that do not match the document fail the file
 * (unless OPENAPI_GATE=report), and its tally joins the end-of-run report.
 */
afterAll(() => {
  const file = relative(process.cwd(), expect.getState().testPath ?? 'unknown');
  saveTally(file);
  const { mismatches } = currentTally();
  if (mismatches.length === 0 || process.env[ENV_GATE_MODE] === 'report') return;
  const distinct = [...new Set(mismatches)];
  throw new Error(
    `${distinct.length} response(s) do not match openapi.json:\n  ${distinct.join('\n  ')}`,
  );
});
