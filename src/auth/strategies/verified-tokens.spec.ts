import { createHmac } from 'node:crypto';

import fc from 'fast-check';
import * as jsonwebtoken from 'jsonwebtoken';
import { VerifiedTokens } from 'src/auth/strategies/verified-tokens';
import { hashToken } from 'src/users/secrets';

jest.mock('jsonwebtoken', () => {
  const actual = jest.requireActual<typeof jsonwebtoken>('jsonwebtoken');
  return { ...actual, verify: jest.fn(actual.verify) };
});

const verify = jest.mocked(jsonwebtoken.verify);

const SECRET = 'a secret key of the instance';
/** 2026-12-01T00:00:00Z, in seconds. */
const NOW = 1_796_083_200;

function tokenOf(payload: object, secret = SECRET, algorithm: jsonwebtoken.Algorithm = 'HS256') {
  return jsonwebtoken.sign(payload, secret, { algorithm, noTimestamp: true });
}

/** A token signed over any payload text, which jsonwebtoken.sign would refuse to make. */
function rawToken(payload: string): string {
  const head = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
  const body = Buffer.from(payload).toString('base64url');
  const signature = createHmac('sha256', SECRET).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

/** A clock the test moves, in seconds. */
function clock(start = NOW): { now: () => number; set(seconds: number): void } {
  let current = start * 1000;
  return {
    now: () => current,
    set(seconds) {
      current = seconds * 1000;
    },
  };
}

/** jsonwebtoken's own answer at `seconds`, as the strategy verified every token before. */
function jsonwebtokenAccepts(token: string, seconds: number): boolean {
  try {
    jsonwebtoken.verify(token, SECRET, { algorithms: ['HS256'], clockTimestamp: seconds });
    return true;
  } catch {
    return false;
  }
}

describe('VerifiedTokens', () => {
  beforeEach(() => {
    verify.mockClear();
  });

  it('gives the user id, the digest the blacklist keeps and the expiry of a token it signed', () => {
    const time = clock();
    const tokens = new VerifiedTokens(SECRET, 10, time.now);
    const token = tokenOf({ sub: 42, exp: NOW + 60 });
    expect(tokens.check(token)).toEqual({
      token,
      userId: 42,
      tokenHash: hashToken(token),
      expiresAt: NOW + 60,
      notBefore: undefined,
    });
    // FitTrackee's PyJWT tokens carry `sub` as a number; a numeric string names the same user.
    expect(tokens.check(tokenOf({ sub: '7', exp: NOW + 60 }))?.userId).toBe(7);
  });

  it('refuses what is not a token of this instance, or names no user', () => {
    // The signing itself is right: the same text with a valid payload checks.
    expect(new VerifiedTokens(SECRET, 10, clock().now).check(rawToken('{"sub":1}'))?.userId).toBe(
      1,
    );
    const tokens = new VerifiedTokens(SECRET, 10, clock().now);
    const header = Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url');
    const body = Buffer.from(`{"sub":1,"exp":${NOW + 60}}`).toString('base64url');
    const valid = tokenOf({ sub: 1, exp: NOW + 60 });
    const [head, , signature] = valid.split('.');
    for (const token of [
      '',
      'not a token',
      `${header}.${body}.`,
      tokenOf({ sub: 1, exp: NOW + 60 }, 'another key'),
      tokenOf({ sub: 1, exp: NOW + 60 }, SECRET, 'HS512'),
      `${head ?? ''}.${Buffer.from(`{"sub":2,"exp":${NOW + 60}}`).toString('base64url')}.${signature ?? ''}`,
      tokenOf({ exp: NOW + 60 }),
      tokenOf({ sub: 'admin', exp: NOW + 60 }),
      tokenOf({ sub: 1.5, exp: NOW + 60 }),
      tokenOf({ sub: 2 ** 53, exp: NOW + 60 }),
      tokenOf({ sub: 1, exp: NOW }),
      rawToken('{"sub":1,"exp":"tomorrow"}'),
      rawToken('[1]'),
      rawToken('not json'),
      tokenOf({ sub: 1, nbf: NOW + 1 }),
    ]) {
      expect(tokens.check(token)).toBeNull();
    }
  });

  it('checks a signature once, and a refused token every time', () => {
    const tokens = new VerifiedTokens(SECRET, 10, clock().now);
    const token = tokenOf({ sub: 1, exp: NOW + 60 });
    const forged = tokenOf({ sub: 1, exp: NOW + 60 }, 'another key');
    for (let i = 0; i < 3; i++) {
      expect(tokens.check(token)?.userId).toBe(1);
      expect(tokens.check(forged)).toBeNull();
    }
    expect(verify.mock.calls.map(([checked]) => checked)).toEqual([token, forged, forged, forged]);
  });

  it('keeps at most its limit, the oldest leaving first', () => {
    const tokens = new VerifiedTokens(SECRET, 2, clock().now);
    const [a, b, c] = [1, 2, 3].map((sub) => tokenOf({ sub, exp: NOW + 60 }));
    for (const token of [a, b, c, c, b, a]) tokens.check(token ?? '');
    // c pushed a out; a's return pushed b out.
    expect(verify.mock.calls.map(([checked]) => checked)).toEqual([a, b, c, a]);
    tokens.check(b ?? '');
    expect(verify).toHaveBeenCalledTimes(5);
  });

  it('answers a remembered token as jsonwebtoken answers it at that moment', () => {
    // Whatever happened to a token before, the answer now is the one a fresh verification
    // gives now: expiry (RFC 7519 §4.1.4) and not-before (§4.1.5) to the second.
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined }),
        fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined }),
        fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 1, maxLength: 6 }),
        (expOffset, nbfOffset, moments) => {
          const payload: Record<string, number> = { sub: 5 };
          if (expOffset !== undefined) payload['exp'] = NOW + expOffset;
          if (nbfOffset !== undefined) payload['nbf'] = NOW + nbfOffset;
          const token = tokenOf(payload);
          const time = clock();
          const tokens = new VerifiedTokens(SECRET, 10, time.now);
          for (const moment of moments) {
            time.set(NOW + moment);
            const expected = jsonwebtokenAccepts(token, NOW + moment);
            expect(tokens.check(token) !== null).toBe(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
