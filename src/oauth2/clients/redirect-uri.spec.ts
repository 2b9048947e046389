import {
  isPrivateUseRedirectUri,
  isRegisteredRedirectUri,
  redirectUriProblem,
  withQuery,
} from 'src/oauth2/clients/redirect-uri';

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

describe('isRegisteredRedirectUri (RFC 6749 §3.1.2.3, RFC 8252 §7.3)', () => {
  const registered = [
    'https://app.example.net/callback',
    'http://127.0.0.1/cb',
    'http://[::1]:8080/cb?x=1',
    'http://localhost:3000/cb',
    'com.example.app:/oauth2redirect',
  ];

  it.each([
    'https://app.example.net/callback',
    'http://127.0.0.1/cb',
    'http://127.0.0.1:49152/cb',
    'http://127.0.0.1:/cb',
    'http://[::1]/cb?x=1',
    'http://[::1]:65535/cb?x=1',
    'HTTP://127.0.0.1:5000/cb',
    'http://localhost:3000/cb',
    'com.example.app:/oauth2redirect',
  ])('matches %s', (uri) => {
    expect(isRegisteredRedirectUri(registered, uri)).toBe(true);
  });

  it.each([
    ['another port of a non-loopback host', 'https://app.example.net:8443/callback'],
    ['https on a loopback address', 'https://127.0.0.1:49152/cb'],
    ['another path', 'http://127.0.0.1:49152/cb/'],
    ['another query', 'http://[::1]:8080/cb?x=2'],
    ['another loopback address', 'http://127.0.0.2:49152/cb'],
    ['localhost on another port (compared exactly)', 'http://localhost:3001/cb'],
    ['localhost without port', 'http://localhost/cb'],
    ['user info before a loopback address', 'http://evil@127.0.0.1:1234/cb'],
    ['a loopback address as user info', 'http://127.0.0.1:80@evil.example/cb'],
    ['a prefix of a registered URI', 'https://app.example.net/callback/x'],
    ['another private-use path', 'com.example.app:/other'],
  ])('does not match %s', (_what, uri) => {
    expect(isRegisteredRedirectUri(registered, uri)).toBe(false);
  });
});

describe('isPrivateUseRedirectUri (RFC 8252 §7.1)', () => {
  it('tells private-use schemes from web ones', () => {
    expect(isPrivateUseRedirectUri('com.example.app:/cb')).toBe(true);
    expect(isPrivateUseRedirectUri('net.example.tool://callback')).toBe(true);
    expect(isPrivateUseRedirectUri('https://app.example.net/cb')).toBe(false);
    expect(isPrivateUseRedirectUri('http://127.0.0.1/cb')).toBe(false);
  });
});
