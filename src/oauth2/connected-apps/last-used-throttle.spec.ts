import { LastUsedThrottle } from 'src/oauth2/connected-apps/last-used-throttle';

describe('LastUsedThrottle', () => {
  it('lets one write per grant through each minute', () => {
    const throttle = new LastUsedThrottle(60_000);
    expect(throttle.isDue('1:2', 0)).toBe(true);
    expect(throttle.isDue('1:2', 59_999)).toBe(false);
    expect(throttle.isDue('1:3', 59_999)).toBe(true);
    expect(throttle.isDue('1:2', 60_000)).toBe(true);
    expect(throttle.isDue('1:2', 60_001)).toBe(false);
  });

  it('starts over for a forgotten grant', () => {
    const throttle = new LastUsedThrottle(60_000);
    expect(throttle.isDue('1:2', 0)).toBe(true);
    throttle.forget('1:2');
    expect(throttle.isDue('1:2', 1)).toBe(true);
  });
});
