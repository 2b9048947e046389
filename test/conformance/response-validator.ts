import type { OpenAPIObject } from '@nestjs/swagger';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type PathItem = OpenAPIObject['paths'][string];
type Operation = NonNullable<PathItem['get']>;
type Responses = Operation['responses'];
type ResponseObject = { description?: string; content?: Record<string, { schema?: object }> };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
type Method = (typeof METHODS)[number];

/** What an HTTP response looked like on the wire. */
export interface ObservedResponse {
  method: string;
  /** The request path, without the query string. */
  path: string;
  status: number;
  /** The Content-Type header, if any. */
  contentType: string | undefined;
  body: Buffer;
}

export interface CheckResult {
  /** `METHOD /template`, or undefined when the document has no such operation. */
  operation: string | undefined;
  problems: string[];
}

interface Route {
  template: string;
  pattern: RegExp;
  literalLength: number;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function routeOf(template: string): Route {
  const parts = template.split(/(\{[^}]+\})/);
  const source = parts
    .map((part) => (part.startsWith('{') ? '[^/]+' : escapeRegExp(part)))
    .join('');
  const literalLength = parts.filter((part) => !part.startsWith('{')).join('').length;
  return { template, pattern: new RegExp(`^${source}/?$`), literalLength };
}

/** `#/components/…` of a schema taken out of the document, made to point into the document. */
function rebase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rebase);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) =>
      key === '$ref' && typeof child === 'string' && child.startsWith('#/')
        ? [key, `document${child}`]
        : [key, rebase(child)],
    ),
  );
}

const mediaTypeOf = (contentType: string | undefined): string | undefined =>
  contentType?.split(';')[0]?.trim().toLowerCase() || undefined;

const isJson = (mediaType: string): boolean =>
  mediaType === 'application/json' || mediaType.endsWith('+json');

/** The declared media type that covers the one sent: exact, `type/*`, or `*\/*`. */
function declaredMediaType(
  content: Record<string, unknown>,
  mediaType: string,
): string | undefined {
  const [type] = mediaType.split('/');
  return [mediaType, `${type}/*`, '*/*'].find((candidate) => candidate in content);
}

/**
 * Checks responses against an OpenAPI 3.0 document with Ajv: the status must be declared by the
 * operation, a body must have a declared media type, and a JSON body must match its schema.
 */
export class OpenApiResponseValidator {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenAPIObject) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
    addFormats(this.ajv);
    for (const format of ['binary', 'int32', 'int64', 'float', 'double', 'password'])
      this.ajv.addFormat(format, true);
    this.ajv.addSchema({ components: document.components ?? {} }, 'document');
    this.routes = Object.keys(document.paths)
      .map(routeOf)
      .sort((a, b) => b.literalLength - a.literalLength);
  }

  /** Every `METHOD /template` × status pair the document declares. */
  declaredPairs(): string[] {
    return Object.entries(this.document.paths).flatMap(([template, item]) =>
      METHODS.flatMap((method) => {
        const operation = item[method];
        if (operation === undefined) return [];
        return Object.keys(operation.responses).map(
          (status) => `${method.toUpperCase()} ${template} ${status}`,
        );
      }),
    );
  }

  check(observed: ObservedResponse): CheckResult {
    const method = observed.method.toLowerCase() as Method;
    const route = this.routes.find(
      (candidate) =>
        candidate.pattern.test(observed.path) &&
        this.document.paths[candidate.template]?.[method] !== undefined,
    );
    if (route === undefined) return { operation: undefined, problems: [] };
    const operation = this.document.paths[route.template]?.[method] as Operation;
    const label = `${method.toUpperCase()} ${route.template}`;
    return { operation: label, problems: this.checkResponse(label, operation.responses, observed) };
  }

  private checkResponse(label: string, responses: Responses, observed: ObservedResponse): string[] {
    const status = String(observed.status);
    const key = [status, `${status.charAt(0)}XX`, 'default'].find((k) => k in responses);
    if (key === undefined) return [`status ${status} is not declared`];
    const response = responses[key] as ResponseObject;
    if (observed.body.length === 0) return [];
    const mediaType = mediaTypeOf(observed.contentType);
    if (mediaType === undefined) return [`status ${status}: a body is sent without Content-Type`];
    const content = response.content ?? {};
    const declared = declaredMediaType(content, mediaType);
    if (declared === undefined) {
      const known = Object.keys(content).join(', ') || 'none';
      return [`status ${status}: ${mediaType} is not declared (declared: ${known})`];
    }
    const schema = content[declared]?.schema;
    if (schema === undefined) return [`status ${status} ${declared}: no schema`];
    if (!isJson(mediaType)) return [];
    let body: unknown;
    try {
      body = JSON.parse(observed.body.toString('utf8'));
    } catch {
      return [`status ${status}: the ${mediaType} body is not JSON`];
    }
    const validate = this.validatorFor(`${label} ${key} ${declared}`, schema);
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (error) =>
        `status ${status}: body${error.instancePath} ${error.message ?? 'is invalid'}` +
        (error.keyword === 'additionalProperties'
          ? ` (${JSON.stringify(error.params)})`
          : error.keyword === 'enum'
            ? ` ${JSON.stringify(error.params)}`
            : ''),
    );
  }

  private validatorFor(key: string, schema: object): ValidateFunction {
    let validate = this.validators.get(key);
    if (validate === undefined) {
      validate = this.ajv.compile(rebase(schema) as object);
      this.validators.set(key, validate);
    }
    return validate;
  }
}
