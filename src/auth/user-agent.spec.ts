import { describeDevice } from 'src/auth/user-agent';

describe('describeDevice', () => {
  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Linux, Firefox'],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0',
      'Windows, Edge',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'iOS, Safari',
    ],
    ['curl/8.0', ''],
    [undefined, ''],
  ])('describes %p as %p', (userAgent, expected) => {
    expect(describeDevice(userAgent)).toBe(expected);
  });
});
