import { isIP } from 'node:net';

import { InvalidPayloadError } from 'src/common/errors/http-errors';
import { isNonPublicAddress } from 'src/webhooks/delivery/ip-policy';

export const CALLBACK_URL_MAX_LENGTH = 2048;

const refuse = (reason: string): InvalidPayloadError =>
  new InvalidPayloadError(`invalid callback_url: ${reason}`);

/**
 * A callback URL as stored: absolute https (http too when private targets are allowed), no
 * credentials, no fragment. A literal IP address is checked here; host names are checked on
 * each connection, once resolved (docs/webhooks.md#callback-urls).
 */
export function parseCallbackUrl(value: unknown, isPrivateAllowed: boolean): URL {
  if (typeof value !== 'string' || value === '') throw refuse('a URL string is required');
  if (value.length > CALLBACK_URL_MAX_LENGTH)
    throw refuse(`${CALLBACK_URL_MAX_LENGTH} characters maximum`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refuse('not an absolute URL');
  }
  const schemes = isPrivateAllowed ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) throw refuse('the scheme must be https');
  if (url.username !== '' || url.password !== '') throw refuse('credentials are not allowed');
  if (url.hash !== '') throw refuse('a fragment is not allowed');
  if (url.hostname === '') throw refuse('a host is required');
  const literal = literalAddress(url.hostname);
  if (literal !== undefined && !isPrivateAllowed && isNonPublicAddress(literal))
    throw refuse('the address is private, loopback or link-local');
  return url;
}

/** The IP address of a URL host that is one (`[::1]` unbracketed), else undefined. */
export function literalAddress(hostname: string): string | undefined {
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) === 0 ? undefined : bare;
}
