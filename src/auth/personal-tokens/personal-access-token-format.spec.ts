import {
  checksumOf,
  generatePersonalAccessToken,
  hasPersonalAccessTokenPrefix,
  isWellFormedPersonalAccessToken,
  PERSONAL_ACCESS_TOKEN_LENGTH,
} from 'src/auth/personal-tokens/personal-access-token-format';

describe('personal access token format', () => {
  it('is pk_pat_, 32 alphanumerics and a 6-character checksum', () => {
    const token = generatePersonalAccessToken();
    expect(token).toMatch(/^pk_pat_[A-Za-z0-9]{38}$/);
    expect(token).toHaveLength(PERSONAL_ACCESS_TOKEN_LENGTH);
    expect(PERSONAL_ACCESS_TOKEN_LENGTH).toBe(45);
    expect(token.slice(39)).toBe(checksumOf(token.slice(7, 39)));
  });

  it('draws a new random part every time', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => generatePersonalAccessToken()));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(isWellFormedPersonalAccessToken(token)).toBe(true);
  });

  it('computes the checksum as CRC-32 in base 62, left-padded', () => {
    // CRC-32("") is 0; CRC-32("a") is 0xe8b7be43 = 3904355907.
    expect(checksumOf('')).toBe('000000');
    expect(checksumOf('a')).toBe('4GEHKN');
  });

  it('recognises the prefix alone, before any other check', () => {
    expect(hasPersonalAccessTokenPrefix('pk_pat_')).toBe(true);
    expect(hasPersonalAccessTokenPrefix('pk_pat_anything')).toBe(true);
    expect(hasPersonalAccessTokenPrefix('PK_PAT_abc')).toBe(false);
    expect(hasPersonalAccessTokenPrefix('eyJhbGciOiJIUzI1NiJ9.e30.x')).toBe(false);
    expect(hasPersonalAccessTokenPrefix('Zk4sTq1yW8uE3rP6oI9aS2dF5gH7jK0lMnBvCx')).toBe(false);
  });

  it.each([
    ['a wrong checksum', (t: string) => `${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`],
    ['one character less', (t: string) => t.slice(0, -1)],
    ['one character more', (t: string) => `${t}A`],
    ['a changed random part', (t: string) => `pk_pat_${t[7] === 'A' ? 'B' : 'A'}${t.slice(8)}`],
    ['another prefix', (t: string) => `pk_xyz_${t.slice(7)}`],
    ['a character outside the alphabet', (t: string) => `${t.slice(0, 10)}-${t.slice(11)}`],
    ['trailing whitespace', (t: string) => `${t} `],
  ])('refuses a token with %s', (_name, alter) => {
    const token = generatePersonalAccessToken();
    expect(isWellFormedPersonalAccessToken(alter(token))).toBe(false);
  });
});
