import type { Request } from 'express';
import { Strategy } from 'passport-strategy';
import type { VerifiedToken } from 'src/auth/strategies/verified-tokens';

/** Hands a verified token to the application, which answers with its principal or false. */
export type VerifyFirstPartyToken = (
  request: Request,
  token: VerifiedToken,
  done: (error: unknown, principal?: unknown) => void,
) => void;

export interface FirstPartyTokenOptions {
  /** The token a request carries, or null. */
  tokenFromRequest(request: Request): string | null;
  /** The token's claims if it is one of ours and still valid, else null. */
  check(token: string): VerifiedToken | null;
}

/**
 * The passport strategy of first-party tokens: a token that is not ours (or no longer valid) is
 * "not recognised" (`fail`), so the guard tries the OAuth2 strategies next; a valid one goes to
 * the application's verify callback, which looks its user up. What passport-jwt's strategy
 * does, but for the signature check, which `check` makes once per token (VerifiedTokens)
 * where passport-jwt makes it on every request.
 */
export class FirstPartyTokenStrategy extends Strategy {
  constructor(
    private readonly options: FirstPartyTokenOptions,
    private readonly verify: VerifyFirstPartyToken,
  ) {
    super();
  }

  override authenticate(request: Request): void {
    const token = this.options.tokenFromRequest(request);
    const verified = token === null ? null : this.options.check(token);
    if (verified === null) {
      this.fail(401);
      return;
    }
    this.verify(request, verified, (error, principal) => {
      if (error !== null && error !== undefined) this.error(error as Error);
      else if (principal === false || principal === undefined || principal === null) this.fail(401);
      else this.success(principal);
    });
  }
}
