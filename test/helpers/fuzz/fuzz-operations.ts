import type { OpenAPIObject } from '@nestjs/swagger';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** What the fuzzer needs to know of one operation of the served OpenAPI document. */
export interface FuzzOperation {
  /** `METHOD /path`, as the document spells the path. */
  label: string;
  method: HttpMethod;
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** Content types of the request body, if the operation declares one. */
  bodyTypes: string[];
  /** Property names of the body schema (all content types together). */
  bodyFields: string[];
  /** Body properties declared as binary files (multipart). */
  fileFields: string[];
}

const METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

interface SchemaLike {
  $ref?: string;
  properties?: Record<string, { format?: string; type?: string }>;
  allOf?: SchemaLike[];
}

interface ParameterLike {
  name: string;
  in: string;
}

interface OperationLike {
  parameters?: ParameterLike[];
  requestBody?: { content?: Record<string, { schema?: SchemaLike }> };
}

function resolve(document: OpenAPIObject, schema: SchemaLike | undefined): SchemaLike[] {
  if (schema === undefined) return [];
  if (schema.$ref !== undefined) {
    const name = schema.$ref.split('/').pop() ?? '';
    return resolve(document, document.components?.schemas?.[name] as SchemaLike | undefined);
  }
  return [schema, ...(schema.allOf ?? []).flatMap((part) => resolve(document, part))];
}

function toOperation(
  document: OpenAPIObject,
  path: string,
  method: HttpMethod,
  operation: OperationLike,
): FuzzOperation {
  const parameters = operation.parameters ?? [];
  const content = operation.requestBody?.content ?? {};
  const schemas = Object.values(content).flatMap((media) => resolve(document, media.schema));
  const properties = schemas.flatMap((schema) => Object.entries(schema.properties ?? {}));
  return {
    label: `${method.toUpperCase()} ${path}`,
    method,
    path,
    pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
    queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
    bodyTypes: Object.keys(content),
    bodyFields: [...new Set(properties.map(([name]) => name))],
    fileFields: properties.filter(([, p]) => p.format === 'binary').map(([name]) => name),
  };
}

/** Every operation of the document, in document order. */
export function fuzzOperationsOf(document: OpenAPIObject): FuzzOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = (item as Record<string, OperationLike | undefined>)[method];
      return operation === undefined ? [] : [toOperation(document, path, method, operation)];
    }),
  );
}
