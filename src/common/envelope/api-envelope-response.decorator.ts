import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export interface EnvelopeResponseOptions {
  /** 200 (`"success"`, the default) or 201 (`"created"`), as the handler's @HttpCode. */
  status?: 200 | 201;
  /** A paginated list: `pagination` sits beside `data` (docs/compatibility.md#pagination). */
  isPaginated?: boolean;
  description?: string;
  /** A realistic example of the whole body, as a client receives it. */
  example?: object;
}

const PAGINATION_SCHEMA = {
  type: 'object',
  required: ['has_next', 'has_prev', 'page', 'pages', 'total'],
  properties: {
    has_next: { type: 'boolean' },
    has_prev: { type: 'boolean' },
    page: { type: 'integer' },
    pages: { type: 'integer' },
    total: { type: 'integer' },
  },
};

/**
 * Documents a handler's result the way the envelope (envelope.reply.ts) sends it
 * (docs/compatibility.md#envelope): `{"status": "success", "data": <model>}` — declare it once per
 * route, so the document and the wire agree.
 */
export function ApiEnvelopeResponse(
  model: Type,
  options: EnvelopeResponseOptions = {},
): MethodDecorator {
  const status = options.status ?? 200;
  const properties: Record<string, object> = {
    status: { type: 'string', enum: [status === 201 ? 'created' : 'success'] },
    data: { $ref: getSchemaPath(model) },
  };
  if (options.isPaginated === true) properties['pagination'] = PAGINATION_SCHEMA;
  return applyDecorators(
    ApiExtraModels(model),
    ApiResponse({
      status,
      description: options.description ?? (status === 201 ? 'Created' : 'Success'),
      schema: { type: 'object', required: Object.keys(properties), properties },
      ...(options.example === undefined ? {} : { example: options.example }),
    }),
  );
}
