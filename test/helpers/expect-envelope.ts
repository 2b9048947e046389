import {
  INSUFFICIENT_SCOPE_DESCRIPTION,
  INVALID_TOKEN_DESCRIPTION,
} from 'src/common/errors/oauth2-error';
import type { Response } from 'supertest';

/** Expected FitTrackee error bodies, written once (mirrors FitTrackee's custom_asserts.py). */
export function expectEnvelopeError(
  res: Response,
  httpStatus: number,
  status: string,
  message: string | string[],
): void {
  expect({ code: res.status, body: res.body as unknown }).toEqual({
    code: httpStatus,
    body: { status, message },
  });
}

export function expectInvalidPayload(res: Response): void {
  expectEnvelopeError(res, 400, 'error', 'invalid payload');
}

/** A string longer than its column: 400 naming the field and the limit. */
export function expectTooLong(res: Response, field: string, limit: number): void {
  expectEnvelopeError(res, 400, 'error', `${field}: ${limit} characters maximum`);
}

/** A NUL character in a value or a key: 400 naming where. */
export function expectNulRefused(res: Response, where: string): void {
  expectEnvelopeError(res, 400, 'error', `${where}: NUL characters are not allowed`);
}

export function expectUnauthorized(res: Response): void {
  expectEnvelopeError(res, 401, 'error', 'provide a valid auth token');
}

export function expectForbidden(res: Response): void {
  expectEnvelopeError(res, 403, 'error', 'you do not have permissions');
}

export function expectNotFound(res: Response, message: string): void {
  expectEnvelopeError(res, 404, 'not found', message);
}

export function expectOAuthError(
  res: Response,
  httpStatus: number,
  error: string,
  description?: string,
): void {
  const body: Record<string, string> = { error };
  if (description !== undefined) body['error_description'] = description;
  else if (error === 'invalid_token') body['error_description'] = INVALID_TOKEN_DESCRIPTION;
  else if (error === 'insufficient_scope')
    body['error_description'] = INSUFFICIENT_SCOPE_DESCRIPTION;
  expect({ code: res.status, body: res.body as unknown }).toEqual({ code: httpStatus, body });
}

export function expectInvalidToken(res: Response): void {
  expectOAuthError(res, 401, 'invalid_token');
  expect(res.headers['www-authenticate']).toBe(
    `Bearer error="invalid_token", error_description="${INVALID_TOKEN_DESCRIPTION}"`,
  );
}

export function expectInsufficientScope(res: Response): void {
  expectOAuthError(res, 403, 'insufficient_scope');
}
