import type { Request } from 'express';
import passport from 'passport';
import { runStrategy } from 'src/auth/guards/run-strategy';
import { principal } from 'test/helpers/guard-context';

const NAME = 'run-strategy-spec';

/** Ends each attempt as the request's header says, after a turn of the event loop. */
class ScriptedStrategy extends passport.Strategy {
  override authenticate(request: Request): void {
    const action = request.headers.authorization;
    setImmediate(() => {
      if (action === 'success') this.success(principal('oauth2'));
      else if (action === 'not-a-principal') this.success({ id: 1 });
      else if (action === 'fail') this.fail();
      else if (action === 'error') this.error(new Error('boom'));
      else if (action === 'pass') this.pass();
      else this.error('not an Error');
    });
  }
}

const requestWith = (authorization: string): Request =>
  ({ headers: { authorization } }) as unknown as Request;

describe('runStrategy', () => {
  beforeEach(() => passport.use(NAME, new ScriptedStrategy()));
  afterEach(() => passport.unuse(NAME));

  it('resolves with the principal of a success, undefined for anything else', async () => {
    await expect(runStrategy(NAME, requestWith('success'))).resolves.toMatchObject({
      kind: 'oauth2',
    });
    await expect(runStrategy(NAME, requestWith('not-a-principal'))).resolves.toBeUndefined();
    await expect(runStrategy(NAME, requestWith('fail'))).resolves.toBeUndefined();
  });

  it('rejects with the error of the strategy, wrapping a non-Error as the cause', async () => {
    await expect(runStrategy(NAME, requestWith('error'))).rejects.toThrow('boom');
    await expect(runStrategy(NAME, requestWith('raw'))).rejects.toMatchObject({
      message: 'passport strategy error',
      cause: 'not an Error',
    });
    await expect(runStrategy(NAME, requestWith('pass'))).rejects.toThrow(
      'passport strategy failed',
    );
  });

  it('keeps concurrent attempts apart', async () => {
    const outcomes = await Promise.all([
      runStrategy(NAME, requestWith('success')),
      runStrategy(NAME, requestWith('fail')),
      runStrategy(NAME, requestWith('success')),
    ]);
    expect(outcomes.map((outcome) => outcome?.kind)).toEqual(['oauth2', undefined, 'oauth2']);
  });

  it('resolves undefined for a strategy that is not registered', async () => {
    await expect(runStrategy('absent', requestWith('success'))).resolves.toBeUndefined();
  });
});
