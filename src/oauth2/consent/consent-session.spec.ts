import {
  ConsentSessionCodec,
  newConsentSession,
  readCookie,
} from 'src/oauth2/consent/consent-session';

describe('ConsentSessionCodec', () => {
  const codec = new ConsentSessionCodec('a-secret-key-for-the-test');

  it('round-trips a signed session', () => {
    const session = newConsentSession(42, codec.passwordStamp('$2b$04$hash'));
    expect(codec.decode(codec.encode(session))).toEqual(session);
  });

  it('refuses tampered, foreign, malformed and expired values', () => {
    const encoded = codec.encode(newConsentSession(1));
    const [payload, signature] = encoded.split('.');
    const forged = Buffer.from(JSON.stringify({ u: 2, i: 'x', p: null, e: 9999999999 })).toString(
      'base64url',
    );
    expect(codec.decode(`${forged}.${signature ?? ''}`)).toBeNull();
    expect(new ConsentSessionCodec('another-key-entirely').decode(encoded)).toBeNull();
    expect(codec.decode(payload)).toBeNull();
    expect(codec.decode(undefined)).toBeNull();
    expect(
      codec.decode(codec.encode({ userId: 1, id: 'x', passwordStamp: null, expiresAt: 1 })),
    ).toBeNull();
  });

  it('sets a hardened cookie', () => {
    const cookie = codec.cookie(newConsentSession(null), true);
    expect(cookie).toMatch(
      /^pacekeeper_consent=[^;]+; Path=\/profile\/apps; Max-Age=3600; HttpOnly; SameSite=Lax; Secure$/,
    );
    expect(codec.cookie(newConsentSession(null), false)).not.toContain('Secure');
  });

  it('stamps a password hash so that a new password gives another stamp', () => {
    expect(codec.passwordStamp('hash-a')).toBe(codec.passwordStamp('hash-a'));
    expect(codec.passwordStamp('hash-a')).not.toBe(codec.passwordStamp('hash-b'));
  });
});

describe('form tokens', () => {
  const codec = new ConsentSessionCodec('a-secret-key-for-the-test');

  it('issues a new token for each form, read back only with the session that issued it', () => {
    const session = newConsentSession(null);
    const first = codec.issueFormToken(session);
    const second = codec.issueFormToken(session);
    expect(first).not.toBe(second);
    expect(codec.readFormToken(session, first)).toEqual({
      nonce: first.split('.')[0],
      expiresAt: session.expiresAt,
    });
    expect(codec.readFormToken(newConsentSession(null), first)).toBeNull();
  });

  it('refuses forged, malformed and expired tokens', () => {
    const session = newConsentSession(7);
    const [nonce, expiresAt, signature] = codec.issueFormToken(session).split('.');
    expect(
      codec.readFormToken(session, `${nonce ?? ''}x.${expiresAt ?? ''}.${signature ?? ''}`),
    ).toBeNull();
    expect(codec.readFormToken(session, `${nonce ?? ''}.9999999999.${signature ?? ''}`)).toBeNull();
    expect(codec.readFormToken(session, 'forged')).toBeNull();
    expect(codec.readFormToken(session, undefined)).toBeNull();
    const expired = { ...session, expiresAt: 1 };
    expect(codec.readFormToken(expired, codec.issueFormToken(expired))).toBeNull();
  });
});

describe('readCookie', () => {
  it('reads one cookie of a header', () => {
    expect(readCookie('a=1; pacekeeper_consent=x.y; b=2', 'pacekeeper_consent')).toBe('x.y');
    expect(readCookie(undefined, 'pacekeeper_consent')).toBeUndefined();
  });
});
