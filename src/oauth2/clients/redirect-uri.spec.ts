import { redirectUriProblem, withQuery } from 'src/oauth2/clients/redirect-uri';

describe('redirectUriProblem (RFC 6749 §3.1.2, RFC 8252 §7.1)', () => {
  it.each([
    'https://app.example.net/callback',
    'http://127.0.0.1:8080/cb',
    'http://localhost/cb?x=1',
    'com.example.app:/oauth2redirect',
    'net.example.tool://callback',
  ])('accepts %s', (uri) => {
    expect(redirectUriProblem(uri)).toBeNull();
  });

  it.each([
    ['callback', 'must be an absolute URL'],
    ['//app.example.net/cb', 'must be an absolute URL'],
    ['https://app.example.net/cb#x', 'must not contain a fragment'],
    ['JavaScript:alert(1)', 'the "javascript:" scheme is not allowed'],
    ['data:text/html,x', 'the "data:" scheme is not allowed'],
    ['file:///etc/passwd', 'the "file:" scheme is not allowed'],
    [
      'ftp://example.net/x',
      'the scheme must be http, https or a private-use scheme such as com.example.app',
    ],
    ['https://', 'must be an absolute URL'],
    ['https://app.example.net/a b', 'must not contain spaces'],
  ])('refuses %s', (uri, problem) => {
    expect(redirectUriProblem(uri)).toBe(problem);
  });
});

describe('withQuery (FitTrackee `POST /api/oauth/authorize`)', () => {
  it('appends with ? or & and skips absent values', () => {
    expect(withQuery('https://a.example/cb', { code: 'abc', state: undefined })).toBe(
      'https://a.example/cb?code=abc',
    );
    expect(withQuery('https://a.example/cb?x=1', { code: 'abc', state: 's t' })).toBe(
      'https://a.example/cb?x=1&code=abc&state=s+t',
    );
  });
});
