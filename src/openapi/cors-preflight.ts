import type { OpenAPIObject } from '@nestjs/swagger';
import { isCorsPath } from 'src/common/http/cors-paths';

type PathItem = OpenAPIObject['paths'][string];
type OperationObject = NonNullable<PathItem['get']>;
type ParameterList = NonNullable<OperationObject['parameters']>;

const CORS_TAG = 'cors';
const CORS_TAG_DESCRIPTION =
  'CORS preflight answers for browser apps on another origin (docs/oauth2.md#cors)';

const header = (description: string): object => ({ description, schema: { type: 'string' } });

/** One response object shared by every preflight operation. */
const PREFLIGHT_RESPONSE = {
  description:
    'No body. For an origin of a registered redirect URI or of CORS_ORIGINS, the CORS headers ' +
    'below; for any other origin, none of them, so the browser blocks the request. ' +
    '`Access-Control-Allow-Credentials` is never sent: requests carry bearer tokens, not cookies.',
  headers: {
    'Access-Control-Allow-Origin': header('The requesting origin, when it is allowed.'),
    'Access-Control-Allow-Methods': header('`GET, POST, PATCH, DELETE`.'),
    'Access-Control-Allow-Headers': header('`Authorization, Content-Type, Idempotency-Key`.'),
    'Access-Control-Max-Age': header('`600` seconds.'),
    Vary: header('`Origin`.'),
  },
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function pathParametersOf(item: PathItem): ParameterList {
  const operation = METHODS.map((method) => item[method]).find((found) => found !== undefined);
  return (operation?.parameters ?? []).filter(
    (parameter) => 'in' in parameter && parameter.in === 'path',
  );
}

/** `/api/workouts/{workout_id}/gpx` → `preflightApiWorkoutsWorkoutIdGpx`. */
function operationIdOf(path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  return `preflight${words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('')}`;
}

/**
 * An `OPTIONS` operation on every path a browser app may call (isCorsPath, the rule the CORS
 * middleware applies), so the preflight answers are part of the contract the e2e conformance
 * gate checks. Applied to the finished document: the CORS middleware answers a preflight before
 * anything that gives the other operations their shared responses.
 */
export function addCorsPreflights(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    if (!isCorsPath(path) || item.options !== undefined) continue;
    const parameters = pathParametersOf(item);
    item.options = {
      operationId: operationIdOf(path),
      summary: 'CORS preflight',
      description:
        'The browser asks whether a page of another origin may call this path ' +
        '(Fetch standard, CORS protocol). Always 204.',
      tags: [CORS_TAG],
      security: [],
      ...(parameters.length > 0 ? { parameters } : {}),
      responses: { '204': { $ref: '#/components/responses/CorsPreflight' } },
    };
  }
  const tags = [...(document.tags ?? []), { name: CORS_TAG, description: CORS_TAG_DESCRIPTION }];
  return {
    ...document,
    tags: tags.sort((a, b) => a.name.localeCompare(b.name)),
    components: {
      ...document.components,
      responses: { ...document.components?.responses, CorsPreflight: PREFLIGHT_RESPONSE },
    },
  };
}
