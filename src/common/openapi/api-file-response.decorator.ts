import { ApiResponse } from '@nestjs/swagger';

export interface FileResponseOptions {
  description: string;
  /** The media types the route sends, e.g. `['application/gpx+xml']`. */
  mediaTypes: readonly string[];
  status?: number;
  /** A short example of the content (text formats such as GPX). */
  example?: string;
  headers?: Record<string, { description: string; schema: object }>;
}

/** A download: the body is the file itself, under each media type the route can send. */
export function ApiFileResponse(options: FileResponseOptions): MethodDecorator {
  const schema = { type: 'string', format: 'binary' };
  return ApiResponse({
    status: options.status ?? 200,
    description: options.description,
    headers: options.headers,
    content: Object.fromEntries(
      options.mediaTypes.map((mediaType) => [
        mediaType,
        options.example === undefined ? { schema } : { schema, example: options.example },
      ]),
    ),
  });
}
