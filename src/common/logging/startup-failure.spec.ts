import { listenError } from 'src/common/logging/startup-failure';
import { ConfigurationError, problemLine } from 'src/config/configuration-error';

function listenFailure(code: string): Error {
  return Object.assign(new Error(`listen ${code}`), { code });
}

function lines(error: unknown): string[] {
  if (!(error instanceof ConfigurationError)) throw new Error('not a ConfigurationError');
  return error.problems.map(problemLine);
}

describe('listenError', () => {
  it('names PORT when the port is taken or forbidden', () => {
    expect(lines(listenError(listenFailure('EADDRINUSE'), '0.0.0.0', 5000))).toEqual([
      'PORT=5000: 0.0.0.0:5000 is already in use. Stop the other process or choose another PORT.',
    ]);
    expect(lines(listenError(listenFailure('EACCES'), '0.0.0.0', 80))[0]).toMatch(/^PORT=80: /);
  });

  it('names HOST when the address is not one of this machine', () => {
    expect(lines(listenError(listenFailure('EADDRNOTAVAIL'), '10.9.9.9', 5000))[0]).toMatch(
      /^HOST=10\.9\.9\.9: /,
    );
  });

  it('leaves other errors alone', () => {
    const error = new Error('something else');
    expect(listenError(error, '0.0.0.0', 5000)).toBe(error);
  });
});
