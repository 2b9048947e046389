import { createHash, timingSafeEqual } from 'node:crypto';

import type { Request, Response } from 'express';

/** Where Prometheus looks by default (`metrics_path`); outside /api: not part of FitTrackee's API. */
export const METRICS_PATH = '/metrics';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * `Authorization: Bearer <METRICS_TOKEN>` (RFC 6750 §2.1): the token is compared as a digest, in
 * constant time, and only its digest is kept.
 */
export function bearerCheck(token: string): (header: string | undefined) => 401 | 403 | 200 {
  const expected = digest(token);
  return (header) => {
    const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
    if (match?.[1] === undefined) return 401;
    return timingSafeEqual(digest(match[1]), expected) ? 200 : 403;
  };
}

/**
 * `GET /metrics`: the Prometheus text format with the right token; 401 with a challenge
 * (RFC 6750 §3) without one, 403 with a wrong one. The bodies of the refusals use the API's
 * error envelope.
 */
export function metricsHandler(
  token: string,
  render: () => Promise<{ contentType: string; text: string }>,
): (request: Request, response: Response) => void {
  const check = bearerCheck(token);
  return (request, response) => {
    response.setHeader('Cache-Control', 'no-store');
    const status = check(request.headers.authorization);
    if (status === 401) {
      response
        .status(401)
        .setHeader('WWW-Authenticate', 'Bearer realm="metrics"')
        .json({ status: 'error', message: 'provide a valid auth token' });
      return;
    }
    if (status === 403) {
      response
        .status(403)
        .setHeader('WWW-Authenticate', 'Bearer realm="metrics", error="invalid_token"')
        .json({ status: 'error', message: 'invalid token' });
      return;
    }
    render().then(
      ({ contentType, text }) => {
        response.status(200).setHeader('Content-Type', contentType).send(text);
      },
      () => {
        response
          .status(503)
          .json({ status: 'error', message: 'metrics are not available, please try again later' });
      },
    );
  };
}
