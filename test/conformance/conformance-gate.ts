import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import { recordResponses } from 'test/conformance/response-recorder';
import {
  type ObservedResponse,
  OpenApiResponseValidator,
} from 'test/conformance/response-validator';

/** Set by the e2e global setup: the folder where each test file leaves its tally. */
export const ENV_GATE_DIR = 'PACEKEEPER_CONFORMANCE_DIR';
/** `report` lists mismatches at the end of the run without failing the test files. */
export const ENV_GATE_MODE = 'OPENAPI_GATE';

/** What one test file saw: responses checked, mismatches, and `METHOD /path status` pairs. */
export interface GateTally {
  file: string;
  checked: number;
  undocumented: string[];
  seen: string[];
  mismatches: string[];
}

const COMMITTED_DOCUMENT = resolve(__dirname, '..', '..', 'openapi.json');

let validator: OpenApiResponseValidator | undefined;
const tally: Omit<GateTally, 'file'> = { checked: 0, undocumented: [], seen: [], mismatches: [] };

/**
 * The committed openapi.json, which a test proves byte-identical to what the server serves at
 * /api/docs-json.
 */
export function gateValidator(): OpenApiResponseValidator {
  validator ??= new OpenApiResponseValidator(
    JSON.parse(readFileSync(COMMITTED_DOCUMENT, 'utf8')) as OpenAPIObject,
  );
  return validator;
}

/** The API and the RFC 8414 metadata; Swagger UI and its files are not API responses. */
function isApiResponse(path: string): boolean {
  return (
    (path.startsWith('/api/') && !path.startsWith('/api/docs')) || path.startsWith('/.well-known/')
  );
}

export function recordObserved(observed: ObservedResponse): void {
  if (!isApiResponse(observed.path)) return;
  const { operation, problems } = gateValidator().check(observed);
  if (operation === undefined) {
    tally.undocumented.push(`${observed.method} ${observed.path} ${observed.status}`);
    return;
  }
  tally.checked += 1;
  tally.seen.push(`${operation} ${observed.status}`);
  for (const problem of problems) tally.mismatches.push(`${operation}: ${problem}`);
}

/** Mounts the gate in front of every route of an application under test. */
export function installConformanceGate(app: NestExpressApplication): void {
  app.use(recordResponses(recordObserved));
}

export function currentTally(): Omit<GateTally, 'file'> {
  return tally;
}

/** Leaves this file's tally for the end-of-run report. */
export function saveTally(file: string): void {
  const dir = process.env[ENV_GATE_DIR] ?? join(tmpdir(), 'pacekeeper-conformance');
  mkdirSync(dir, { recursive: true });
  const name = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`;
  const saved: GateTally = { file, ...tally, seen: [...new Set(tally.seen)] };
  writeFileSync(join(dir, name), JSON.stringify(saved));
}
