import { InvalidInputError } from 'src/common/errors/http-errors';
import { EdgeInputGuard } from 'src/common/validation/edge-input.guard';
import { EdgeInputPipe } from 'src/common/validation/edge-input.pipe';
import { type FakeRequest, httpContext } from 'test/helpers/guard-context';

function request(parts: { params?: object; query?: object; body?: unknown }): FakeRequest {
  return { headers: {}, params: {}, query: {}, ...parts } as unknown as FakeRequest;
}

describe('EdgeInputGuard', () => {
  const guard = new EdgeInputGuard();

  it('lets clean path parameters, query and body through', () => {
    const clean = request({ params: { id: 'abc' }, query: { page: '2' }, body: { a: ['b'] } });
    expect(guard.canActivate(httpContext(clean))).toBe(true);
  });

  it.each([
    [
      'a path parameter',
      { params: { username: 'a\u0000' } },
      'username: NUL characters are not allowed',
    ],
    ['a query value', { query: { q: ['x', '\u0000'] } }, 'q[1]: NUL characters are not allowed'],
    [
      'a body field',
      { body: { client_name: '\u0000' } },
      'client_name: NUL characters are not allowed',
    ],
    [
      'a multipart body not parsed yet',
      { body: undefined, query: { x: '\u0000' } },
      'x: NUL characters are not allowed',
    ],
  ])('refuses %s with a 400 naming it', (_label, parts, message) => {
    expect(() => guard.canActivate(httpContext(request(parts)))).toThrow(
      new InvalidInputError(message),
    );
  });
});

describe('EdgeInputPipe', () => {
  const pipe = new EdgeInputPipe();

  it('checks body, query and path values, named by the parameter', () => {
    expect(() => pipe.transform('a\u0000', { type: 'param', data: 'workout_id' })).toThrow(
      new InvalidInputError('workout_id: NUL characters are not allowed'),
    );
    expect(() => pipe.transform({ token: 'x\u0000' }, { type: 'body' })).toThrow(
      new InvalidInputError('token: NUL characters are not allowed'),
    );
  });

  it('returns clean values unchanged and leaves custom parameters to their decorator', () => {
    const body = { grant_type: 'refresh_token' };
    expect(pipe.transform(body, { type: 'body' })).toBe(body);
    expect(pipe.transform({ data: '\u0000' }, { type: 'custom' })).toEqual({ data: '\u0000' });
  });
});
