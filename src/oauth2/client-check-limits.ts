import { Injectable } from '@nestjs/common';
import { RateLimitError } from 'src/common/errors/http-errors';
import { clientAccount } from 'src/common/rate-limit/credential-accounts';
import type { CredentialAttempt } from 'src/common/rate-limit/credential-attempt';
import { CredentialAttemptsService } from 'src/common/rate-limit/credential-attempts.service';
import {
  InvalidClientError,
  InvalidGrantError,
  TooManyAttemptsError,
} from 'src/oauth2/oauth2.errors';

function toOAuth2(error: unknown): unknown {
  return error instanceof RateLimitError
    ? new TooManyAttemptsError(error.limit, error.retryAfterSeconds ?? 1)
    : error;
}

/**
 * The credential limits of `POST /api/oauth/token` and `/api/oauth/revoke`: the client
 * secret, the code and the refresh token are checked as high-entropy secrets, per address
 * and per client_id. Only `invalid_client` and `invalid_grant` are failed checks.
 */
@Injectable()
export class ClientCheckLimits {
  constructor(private readonly attempts: CredentialAttemptsService) {}

  async run<T>(clientId: unknown, ip: string | undefined, check: () => Promise<T>): Promise<T> {
    let attempt: CredentialAttempt;
    try {
      attempt = await this.attempts.beginSecretCheck({
        account:
          typeof clientId === 'string' && clientId !== '' ? clientAccount(clientId) : undefined,
        ip,
      });
    } catch (error) {
      throw toOAuth2(error);
    }
    let result: T;
    try {
      result = await check();
    } catch (error) {
      await this.settle(attempt, error);
      throw error;
    }
    await attempt.succeeded();
    return result;
  }

  private async settle(attempt: CredentialAttempt, error: unknown): Promise<void> {
    if (!(error instanceof InvalidClientError || error instanceof InvalidGrantError)) {
      await attempt.abandoned();
      return;
    }
    try {
      await attempt.failed();
    } catch (limited) {
      throw toOAuth2(limited);
    }
  }
}
