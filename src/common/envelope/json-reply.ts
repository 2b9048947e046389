import type { HttpServer } from '@nestjs/common';
import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

/** What Express's `res.json` sends as the type of a JSON body (RFC 8259 §8.1: UTF-8). */
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Express's `res.json` for the common case, with the same bytes and headers: an object body and
 * no Content-Type chosen yet. Express would set `application/json`, parse it back to add the
 * charset, then turn the text into bytes for the ETag; here the type is set whole and the
 * bytes are sent as they are (ETag, Content-Length, 304 and HEAD still come from `res.send`).
 * Everything else goes to the adapter's own reply.
 */
export function useJsonReply(adapter: Pick<HttpServer, 'reply'>): void {
  const reply = adapter.reply.bind(adapter);
  adapter.reply = (response: unknown, body: unknown, statusCode?: number): unknown => {
    const text = jsonText(body);
    const express = response as Response;
    if (text === undefined || express.getHeader('Content-Type') !== undefined)
      return reply(response, body, statusCode);
    if (statusCode) express.status(statusCode);
    express.setHeader('Content-Type', JSON_TYPE);
    return express.send(Buffer.from(text, 'utf8'));
  };
}

function jsonText(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  if (body instanceof StreamableFile || ArrayBuffer.isView(body)) return undefined;
  return JSON.stringify(body);
}
