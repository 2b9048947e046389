import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface HttpGetOptions {
  timeoutMs: number;
  headers?: Record<string, string>;
  /** Bodies larger than this are refused (a tile or weather answer is small). */
  maxBytes?: number;
}

export interface HttpResponse {
  status: number;
  contentType: string | null;
  body: Buffer;
}

const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

/**
 * GET with one deadline covering connection, headers and body (node:http, which starts
 * faster than fetch on a cold process). Rejects on network errors, timeouts and oversized
 * bodies; HTTP error statuses are returned, not thrown. Redirects are not followed.
 */
export function httpGet(url: string, options: HttpGetOptions): Promise<HttpResponse> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<HttpResponse>((resolve, reject) => {
    const req = request(target, { method: 'GET', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) req.destroy(new Error(`response larger than ${maxBytes} bytes`));
        else chunks.push(chunk);
      });
      res.on('end', () => {
        clearTimeout(timer);
        const type = res.headers['content-type'];
        resolve({
          status: res.statusCode ?? 0,
          contentType: type ?? null,
          body: Buffer.concat(chunks),
        });
      });
      res.on('error', reject);
      // However the answer ends (an error or a reset included), its deadline goes with it.
      res.on('close', () => {
        clearTimeout(timer);
      });
    });
    const timer = setTimeout(
      () => req.destroy(new Error(`timeout after ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end();
  });
}
