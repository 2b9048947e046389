import type { Request } from 'express';
import {
  FirstPartyTokenStrategy,
  type VerifyFirstPartyToken,
} from 'src/auth/strategies/first-party-token.passport';
import type { VerifiedToken } from 'src/auth/strategies/verified-tokens';

const VERIFIED: VerifiedToken = {
  token: 't',
  userId: 3,
  tokenHash: 'h',
  expiresAt: undefined,
  notBefore: undefined,
};

type Outcome = ['success', unknown] | ['fail', unknown] | ['error', unknown];

/** Runs the strategy as passport does, on an object inheriting from it, and says how it ended. */
function run(
  strategy: FirstPartyTokenStrategy,
  request: Partial<Request> = {},
): Outcome | undefined {
  let outcome: Outcome | undefined;
  const attempt = Object.create(strategy) as FirstPartyTokenStrategy;
  attempt.success = (user: unknown) => (outcome = ['success', user]);
  attempt.fail = (status: unknown) => (outcome = ['fail', status]);
  attempt.error = (error: unknown) => (outcome = ['error', error]);
  attempt.authenticate(request as Request);
  return outcome;
}

function strategyWith(
  token: string | null,
  check: (token: string) => VerifiedToken | null,
  verify: VerifyFirstPartyToken,
): FirstPartyTokenStrategy {
  return new FirstPartyTokenStrategy({ tokenFromRequest: () => token, check }, verify);
}

describe('FirstPartyTokenStrategy', () => {
  it('does not recognise a request without a token, or with one that does not check', () => {
    const verify = jest.fn<ReturnType<VerifyFirstPartyToken>, Parameters<VerifyFirstPartyToken>>();
    const check = jest.fn(() => null);
    expect(run(strategyWith(null, check, verify))).toEqual(['fail', 401]);
    expect(check).not.toHaveBeenCalled();
    expect(run(strategyWith('forged', check, verify))).toEqual(['fail', 401]);
    expect(check).toHaveBeenCalledWith('forged');
    expect(verify).not.toHaveBeenCalled();
  });

  it('hands the request and the checked token to the application, and ends as it answers', () => {
    const request = { headers: {} } as Partial<Request>;
    const principal = { user: { id: 3 }, kind: 'first-party' };
    const failure = new Error('database unavailable');
    const seen: [Partial<Request>, VerifiedToken][] = [];
    const answering =
      (error: unknown, answer?: unknown): VerifyFirstPartyToken =>
      (req, token, done) => {
        seen.push([req, token]);
        done(error, answer);
      };
    const check = (): VerifiedToken => VERIFIED;
    expect(run(strategyWith('t', check, answering(null, principal)), request)).toEqual([
      'success',
      principal,
    ]);
    expect(run(strategyWith('t', check, answering(null, false)), request)).toEqual(['fail', 401]);
    expect(run(strategyWith('t', check, answering(failure)), request)).toEqual(['error', failure]);
    expect(seen).toEqual([
      [request, VERIFIED],
      [request, VERIFIED],
      [request, VERIFIED],
    ]);
  });
});
