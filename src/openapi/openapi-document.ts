import type { OpenAPIObject } from '@nestjs/swagger';
import { RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE } from 'src/common/errors/all-exceptions.filter';
import { ENVELOPE_ERROR_SCHEMA } from 'src/common/openapi/api-error-responses.decorator';

// The package exports the document type only; its parts are derived from it.
type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
type TagObject = NonNullable<OpenAPIObject['tags']>[number];

const TAG_DESCRIPTIONS: Record<string, string> = {
  auth: 'Registration, login and the authenticated user’s account (FitTrackee `/api/auth`)',
  config: 'Application configuration and liveness (FitTrackee `/api/config`, `/api/ping`)',
  health: 'Readiness of the server and its database',
  oauth2: 'OAuth2 clients and the authorization server (FitTrackee `/api/oauth`)',
  records: 'Personal records per sport',
  sports: 'Sports and their settings',
  stats: 'Workout statistics',
  users: 'User accounts (FitTrackee `/api/users`)',
  workouts: 'Workouts, GPX files and chart data (FitTrackee `/api/workouts`)',
};

/** Operations that never touch the database, hence never answer its 503. */
const WITHOUT_DATABASE = new Set(['ping', 'metadata', 'getTile', 'live']);

const SERVICE_UNAVAILABLE = {
  content: { 'application/json': { schema: ENVELOPE_ERROR_SCHEMA } },
  description:
    `The database is unreachable: \`{"status": "error", "message": "${UNAVAILABLE_MESSAGE}"}\`. ` +
    'Nothing was changed, unless the connection was lost while committing: retry after ' +
    '`Retry-After` seconds, with the same `Idempotency-Key` where the operation takes one.',
  headers: {
    'Retry-After': {
      description: `Seconds to wait before retrying (${RETRY_AFTER_SECONDS})`,
      schema: { type: 'integer' },
    },
  },
};

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

function operationsOf(document: OpenAPIObject): OperationObject[] {
  return Object.values(document.paths).flatMap((item) =>
    HTTP_METHODS.flatMap((method) => (item[method] === undefined ? [] : [item[method]])),
  );
}

/**
 * operationId is the handler's method name, so clients get stable, readable function names; when two controllers share a method
 * name it is prefixed with the controller's, so ids stay unique.
 */
function assignOperationIds(operations: readonly OperationObject[]): void {
  const methodOf = (id: string): string => id.slice(id.indexOf('.') + 1);
  const counts = new Map<string, number>();
  for (const { operationId = '' } of operations)
    counts.set(methodOf(operationId), (counts.get(methodOf(operationId)) ?? 0) + 1);
  for (const operation of operations) {
    const id = operation.operationId ?? '';
    const method = methodOf(id);
    const controller = id.slice(0, id.indexOf('.')).replace(/Controller$/, '');
    operation.operationId =
      (counts.get(method) ?? 0) > 1
        ? `${controller.charAt(0).toLowerCase()}${controller.slice(1)}${method.charAt(0).toUpperCase()}${method.slice(1)}`
        : method;
  }
}

const INVALID_INPUT =
  'A value the endpoint cannot take. Every operation checks its input at the edge: a NUL ' +
  'character, a string longer than its column, an integer out of range or a deeply nested ' +
  'body is refused with a message naming the field (`{"status": "error", "message": ' +
  '"client_name: 255 characters maximum"}`; RFC 6749 `invalid_request` on the OAuth2 endpoints).';

/** A fresh object each time: the document is serialized, never shared by reference. */
const envelopeContent = (): Record<string, { schema: object }> => ({
  'application/json': { schema: { ...ENVELOPE_ERROR_SCHEMA } },
});

const UNKNOWN_RESOURCE = 'No resource answers to the path parameters.';

/** The global body parsers read every request, whatever its method, up to 1 MB. */
const BODY_TOO_LARGE = {
  description:
    'The body is larger than 1 MB: `{"status": "fail", "message": "Error during request, ' +
    'body size (<size>) exceeds 1.0MB."}`.',
  content: {
    'application/json': {
      schema: { ...ENVELOPE_ERROR_SCHEMA },
      example: {
        status: 'fail',
        message: 'Error during request, body size (2.9MB) exceeds 1.0MB.',
      },
    },
  },
};

/** Express answers a GET whose `If-None-Match` matches the body's ETag with a bodiless 304. */
const NOT_MODIFIED = {
  description: 'Not modified: the `If-None-Match` header matches the ETag of the answer.',
};

/**
 * Statuses every operation can answer whatever its decorators say: the edge rules, the body
 * limit, the 404 of path parameters and the 304 of a conditional GET.
 */
function addCommonResponses(operation: OperationObject, isGet: boolean): void {
  operation.responses['400'] ??= { description: INVALID_INPUT, content: envelopeContent() };
  operation.responses['413'] ??= structuredClone(BODY_TOO_LARGE);
  if (isGet) operation.responses['304'] ??= { ...NOT_MODIFIED };
  const hasPathParameters = (operation.parameters ?? []).some(
    (parameter) => 'in' in parameter && parameter.in === 'path',
  );
  if (hasPathParameters)
    operation.responses['404'] ??= { description: UNKNOWN_RESOURCE, content: envelopeContent() };
}

/**
 * Final touches the decorators cannot express: unique operation ids, an explicit empty
 * `security` on public routes (every other route gets one from @Scopes(), and the route
 * inventory test guarantees each handler has one or the other), the responses every operation
 * shares (the edge rules' 400, the body limit's 413, the 404 of path parameters, the 304 of a
 * conditional GET, the 503 of a database outage
 * rendered by AllExceptionsFilter whatever the route), and a described tag list.
 */
export function finishDocument(document: OpenAPIObject): OpenAPIObject {
  const operations = operationsOf(document);
  assignOperationIds(operations);
  const gets = new Set(Object.values(document.paths).map((item) => item.get));
  for (const operation of operations) {
    operation.security ??= [];
    operation.summary ??= summaryOf(operation.operationId ?? '');
    addCommonResponses(operation, gets.has(operation));
    if (!WITHOUT_DATABASE.has(operation.operationId ?? ''))
      operation.responses['503'] ??= SERVICE_UNAVAILABLE;
  }
  const names = new Set(operations.flatMap((operation) => operation.tags ?? []));
  const tags: TagObject[] = [...names]
    .sort()
    .map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? `${name} endpoints` }));
  return { ...document, tags };
}

/** Handlers without a doc comment get a summary from their operation id: `getSegmentGpx` → "Get segment gpx". */
function summaryOf(operationId: string): string {
  const words = operationId.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
