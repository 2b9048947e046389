import { parseCallbackUrl } from 'src/webhooks/delivery/callback-url';

describe('parseCallbackUrl', () => {
  it('keeps an https URL with a host name', () => {
    expect(parseCallbackUrl('https://hooks.example.com/in?x=1', false).href).toBe(
      'https://hooks.example.com/in?x=1',
    );
  });

  it.each([
    [42, /a URL string is required/],
    ['', /a URL string is required/],
    ['relative/path', /not an absolute URL/],
    ['http://hooks.example.com/', /the scheme must be https/],
    ['https://a:b@hooks.example.com/', /credentials/],
    ['https://hooks.example.com/#frag', /fragment/],
    ['https://127.0.0.1/', /private, loopback or link-local/],
    ['https://0x7f.1/', /private, loopback or link-local/],
    ['https://[::1]/', /private, loopback or link-local/],
    [`https://example.com/${'a'.repeat(2100)}`, /2048 characters maximum/],
  ])('refuses %s', (value, message) => {
    expect(() => parseCallbackUrl(value, false)).toThrow(message);
  });

  it('allows loopback and http when private targets are allowed', () => {
    expect(parseCallbackUrl('http://127.0.0.1:4000/hook', true).port).toBe('4000');
  });
});
