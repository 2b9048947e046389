import {
  ConsentSessionCodec,
  isSameCsrf,
  newConsentSession,
  readCookie,
} from 'src/oauth2/consent/consent-session';

describe('ConsentSessionCodec', () => {
  const codec = new ConsentSessionCodec('a-secret-key-for-the-test');

  it('round-trips a signed session', () => {
    const session = newConsentSession(42);
    expect(codec.decode(codec.encode(session))).toEqual(session);
  });

  it('refuses tampered, foreign, malformed and expired values', () => {
    const encoded = codec.encode(newConsentSession(1));
    const [payload, signature] = encoded.split('.');
    const forged = Buffer.from(JSON.stringify({ u: 2, c: 'x', e: 9999999999 })).toString(
      'base64url',
    );
    expect(codec.decode(`${forged}.${signature ?? ''}`)).toBeNull();
    expect(new ConsentSessionCodec('another-key-entirely').decode(encoded)).toBeNull();
    expect(codec.decode(payload)).toBeNull();
    expect(codec.decode(undefined)).toBeNull();
    expect(codec.decode(codec.encode({ userId: 1, csrf: 'x', expiresAt: 1 }))).toBeNull();
  });

  it('sets a hardened cookie', () => {
    const cookie = codec.cookie(newConsentSession(null), true);
    expect(cookie).toMatch(
      /^pacekeeper_consent=[^;]+; Path=\/profile\/apps; Max-Age=3600; HttpOnly; SameSite=Lax; Secure$/,
    );
    expect(codec.cookie(newConsentSession(null), false)).not.toContain('Secure');
  });
});

describe('readCookie and isSameCsrf', () => {
  it('reads one cookie of a header', () => {
    expect(readCookie('a=1; pacekeeper_consent=x.y; b=2', 'pacekeeper_consent')).toBe('x.y');
    expect(readCookie(undefined, 'pacekeeper_consent')).toBeUndefined();
  });

  it('compares the CSRF token', () => {
    const session = newConsentSession(null);
    expect(isSameCsrf(session, session.csrf)).toBe(true);
    expect(isSameCsrf(session, `${session.csrf}x`)).toBe(false);
    expect(isSameCsrf(session, undefined)).toBe(false);
  });
});
