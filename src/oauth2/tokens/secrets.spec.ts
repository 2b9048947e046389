import { hashSecret, matchesHash, randomAlphanumeric } from 'src/oauth2/tokens/secrets';

describe('secrets', () => {
  it('draws alphanumerics of the requested length', () => {
    const values = new Set(Array.from({ length: 50 }, () => randomAlphanumeric(48)));
    expect(values.size).toBe(50);
    for (const value of values) expect(value).toMatch(/^[A-Za-z0-9]{48}$/);
  });

  it('stores SHA-256 digests and compares them', () => {
    const digest = hashSecret('secret');
    expect(digest).toBe('2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b');
    expect(matchesHash('secret', digest)).toBe(true);
    expect(matchesHash('Secret', digest)).toBe(false);
    expect(matchesHash('secret', 'abc')).toBe(false);
  });
});
