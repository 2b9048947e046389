import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { OpenAPIObject } from '@nestjs/swagger';
import { operationsOf } from 'test/helpers/openapi';

type Operation = ReturnType<typeof operationsOf>[number][1];
interface MediaTypeObject {
  schema?: object;
  example?: unknown;
  examples?: Record<string, unknown>;
}
interface ResponseObject {
  content?: Record<string, MediaTypeObject>;
}

const document = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8'),
) as OpenAPIObject;
const operations = operationsOf(document);

/** Statuses sent without a body. */
const BODYLESS = new Set(['204', '302', '304']);

const contentsOf = (operation: Operation): MediaTypeObject[] => [
  ...Object.values(operation.responses).flatMap((response) =>
    Object.values((response as ResponseObject).content ?? {}),
  ),
  ...Object.values(
    (operation.requestBody as { content?: Record<string, MediaTypeObject> } | undefined)?.content ??
      {},
  ),
];

function problemsOf(label: string, operation: Operation): string[] {
  const problems: string[] = [];
  for (const parameter of operation.parameters ?? []) {
    if (!('in' in parameter)) continue;
    if ((parameter.description ?? '').trim() === '')
      problems.push(`${label}: ${parameter.in} parameter "${parameter.name}" has no description`);
  }
  for (const [status, response] of Object.entries(operation.responses)) {
    if (BODYLESS.has(status)) continue;
    const content = (response as ResponseObject).content ?? {};
    if (Object.keys(content).length === 0) problems.push(`${label}: ${status} has no content`);
    for (const [mediaType, media] of Object.entries(content))
      if (media.schema === undefined)
        problems.push(`${label}: ${status} ${mediaType} has no schema`);
  }
  if (!contentsOf(operation).some((media) => media.example !== undefined || media.examples))
    problems.push(`${label}: no example`);
  const hasPathParameter = (operation.parameters ?? []).some(
    (parameter) => 'in' in parameter && parameter.in === 'path',
  );
  if (hasPathParameter && operation.responses['404'] === undefined)
    problems.push(`${label}: a path parameter but no 404`);
  if (operation.requestBody !== undefined && operation.responses['400'] === undefined)
    problems.push(`${label}: a request body but no 400`);
  if (!Object.keys(operation.responses).some((status) => /^2\d\d$/.test(status)))
    problems.push(`${label}: no success response`);
  if ((operation.description ?? operation.summary ?? '').trim() === '')
    problems.push(`${label}: no description`);
  return problems;
}

/**
 * What an API consumer needs from each operation of openapi.json: a described parameter list,
 * a schema for every response that has a body, the 404 of a path parameter and the 400 of a
 * request body, and one realistic example.
 */
describe('openapi.json is complete', () => {
  it('describes every parameter and response, with an example per operation', () => {
    expect(operations.flatMap(([label, operation]) => problemsOf(label, operation))).toEqual([]);
  });
});
