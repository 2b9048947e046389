import { request as httpRequest } from 'node:http';

import { DEFAULT_PASSWORD } from 'test/helpers/factories';

/**
 * A `POST /api/workouts` body with `file` and `data` ({"sport_id": 1}), encoded once: the clock
 * then measures the server (multipart parsing included), not the client re-encoding 9 MB on
 * the same two cores before every request.
 */
export function multipartBody(
  gpx: Buffer,
  fileName: string,
): { body: Buffer; contentType: string } {
  const boundary = `----pacekeeper-bench-${Date.now()}`;
  const head = (disposition: string, type?: string): string =>
    `--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\n` +
    (type === undefined ? '' : `Content-Type: ${type}\r\n`) +
    '\r\n';
  const body = Buffer.concat([
    Buffer.from(`${head('name="data"')}{"sport_id": 1}\r\n`),
    Buffer.from(head(`name="file"; filename="${fileName}"`, 'application/gpx+xml')),
    gpx,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * One upload with `node:http`, the body written as it is (fetch copies a Buffer body before
 * sending it, which the clock would count against the server).
 */
export function upload(
  url: URL,
  token: string,
  request: { body: Buffer; contentType: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(
      url,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': request.contentType,
          'Content-Length': request.body.length,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('end', () => {
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() });
        });
        response.once('error', reject);
      },
    );
    sent.once('error', reject);
    sent.end(request.body);
  });
}

/** A first-party token, from `POST /api/auth/login` with the factories' password. */
export async function login(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEFAULT_PASSWORD }),
  });
  const body = (await response.json()) as { auth_token?: string };
  if (body.auth_token === undefined) throw new Error(`login: HTTP ${response.status}`);
  return body.auth_token;
}
