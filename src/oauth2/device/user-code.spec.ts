import {
  formatUserCode,
  generateUserCode,
  normalizeUserCode,
  USER_CODE_ALPHABET,
} from 'src/oauth2/device/user-code';

describe('user codes (RFC 8628 §6.1)', () => {
  it('are 8 consonants shown as XXXX-XXXX', () => {
    for (let i = 0; i < 50; i += 1)
      expect(generateUserCode()).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    expect(USER_CODE_ALPHABET).toHaveLength(20);
  });

  it('are read whatever the case, dashes and spaces', () => {
    expect(normalizeUserCode('wdjb-mjht')).toBe('WDJBMJHT');
    expect(normalizeUserCode('WDJBMJHT')).toBe('WDJBMJHT');
    expect(normalizeUserCode(' wdjb mjht ')).toBe('WDJBMJHT');
    expect(formatUserCode('WDJBMJHT')).toBe('WDJB-MJHT');
  });

  it('refuses what cannot be a code', () => {
    expect(normalizeUserCode('WDJB-MJH')).toBeNull();
    expect(normalizeUserCode('AEIO-UWDJ')).toBeNull();
    expect(normalizeUserCode('WDJB-MJHT-X')).toBeNull();
    expect(normalizeUserCode(undefined)).toBeNull();
    expect(normalizeUserCode('x'.repeat(100))).toBeNull();
  });
});
