import { parseEmailUrl } from 'src/common/email/email-url';

describe('parseEmailUrl (FitTrackee EMAIL_URL, docs/compatibility.md#environment)', () => {
  it('parses host and port without credentials', () => {
    expect(parseEmailUrl('smtp://mail.example.com:2525')).toEqual({
      host: 'mail.example.com',
      port: 2525,
      username: undefined,
      password: undefined,
      useSsl: false,
      useTls: false,
    });
  });

  it('defaults the port to 25', () => {
    expect(parseEmailUrl('smtp://localhost').port).toBe(25);
  });

  it('reads credentials and decodes an URL-encoded password', () => {
    const settings = parseEmailUrl('smtp://user%40example.com:p%40ss%3Aw0rd@host:25');
    expect(settings.username).toBe('user@example.com');
    expect(settings.password).toBe('p@ss:w0rd');
  });

  it('reads ?ssl=True', () => {
    expect(parseEmailUrl('smtp://u:p@host:465/?ssl=True')).toMatchObject({
      port: 465,
      useSsl: true,
      useTls: false,
    });
  });

  it('reads ?tls=True', () => {
    expect(parseEmailUrl('smtp://u:p@host:587?tls=True')).toMatchObject({
      port: 587,
      useSsl: false,
      useTls: true,
    });
  });

  it('treats other flag values as false', () => {
    expect(parseEmailUrl('smtp://host?tls=False&ssl=0')).toMatchObject({
      useSsl: false,
      useTls: false,
    });
  });

  it('refuses another scheme', () => {
    expect(() => parseEmailUrl('http://host:25')).toThrow('EMAIL_URL scheme must be smtp');
  });

  it('refuses garbage', () => {
    expect(() => parseEmailUrl('not a url')).toThrow('EMAIL_URL is not a valid URL');
  });
});
