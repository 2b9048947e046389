import { createHash } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { ATTEMPT_COUNTERS, type AttemptCounters } from 'src/common/rate-limit/attempt-counters';
import { clientAddressKey } from 'src/common/rate-limit/client-address';
import {
  CredentialAttempt,
  type LimitedCounter,
  reserve,
} from 'src/common/rate-limit/credential-attempt';
import type { RateLimit } from 'src/common/rate-limit/rate-limits';

export interface CredentialLimits {
  perAccount: readonly RateLimit[];
  perIp: readonly RateLimit[];
}

export const CREDENTIAL_LIMITS = Symbol('CREDENTIAL_LIMITS');

/** Who is trying: the account named in the request (email, client_id…) and the client address. */
export interface AttemptSubject {
  /** Namespaced and case-folded by the caller, e.g. `user:runner@example.com`. */
  account?: string | undefined;
  /** The request's address (Express `req.ip`, which honours TRUST_PROXY). */
  ip: string | undefined;
}

/** An address where an account signed in is remembered this long. */
const KNOWN_ADDRESS_MS = 30 * 24 * 3600 * 1000;

const digest = (value: string): string =>
  createHash('sha256').update(value).digest('hex').slice(0, 32);

/**
 * Limits on credential checks, per account and per client address (README, "Limits"):
 * - passwords: the account's and the address's failures are counted, and once either is over
 *   its limit the check is refused before the password is compared, whatever the password.
 *   An address where the account signed in before is not refused for the account's failures
 *   (only for its own), so failing on purpose from elsewhere cannot lock the owner out;
 * - high-entropy secrets (client secrets, codes, refresh and reset tokens): the address is
 *   limited as above; the account's failures only turn further failures into 429s, since a
 *   client_id is public and the right secret must keep working whatever others send;
 * - requests that send an email: every request counts.
 * Counting only failures (a success takes its hit back) in short fixed windows means a lock
 * ends one window after the last failure.
 */
@Injectable()
export class CredentialAttemptsService {
  constructor(
    @Inject(CREDENTIAL_LIMITS) private readonly limits: CredentialLimits,
    @Inject(ATTEMPT_COUNTERS) private readonly counters: AttemptCounters,
  ) {}

  async beginPasswordCheck(subject: AttemptSubject): Promise<CredentialAttempt> {
    const ip = clientAddressKey(subject.ip);
    const account = subject.account === undefined ? undefined : digest(subject.account);
    const known = account === undefined ? undefined : `known:${account}:${ip}`;
    const isKnown = known !== undefined && (await this.counters.isMarked(known));
    const keys = [
      ...this.ipCounters('failures', ip),
      ...(account === undefined || isKnown ? [] : this.accountCounters('failures', account)),
    ];
    await reserve(this.counters, keys);
    return new CredentialAttempt(this.counters, keys, [], () =>
      known === undefined ? Promise.resolve() : this.counters.mark(known, KNOWN_ADDRESS_MS),
    );
  }

  /**
   * Runs a password check under the limits: `check` resolves to what it found (the user)
   * or null when the password is wrong; an exception does not count as a failure.
   */
  async guardPasswordCheck<T>(
    subject: AttemptSubject,
    check: () => Promise<T | null>,
  ): Promise<T | null> {
    const attempt = await this.beginPasswordCheck(subject);
    let result: T | null;
    try {
      result = await check();
    } catch (error) {
      await attempt.abandoned();
      throw error;
    }
    await (result === null ? attempt.failed() : attempt.succeeded());
    return result;
  }

  async beginSecretCheck(subject: AttemptSubject): Promise<CredentialAttempt> {
    const ip = clientAddressKey(subject.ip);
    const keys = this.ipCounters('failures', ip);
    await reserve(this.counters, keys);
    const onFailure =
      subject.account === undefined
        ? []
        : this.accountCounters('secret-failures', digest(subject.account));
    return new CredentialAttempt(this.counters, keys, onFailure, () => Promise.resolve());
  }

  /** For requests that send an email (password reset): each one counts, success or not. */
  async countRequest(kind: string, subject: AttemptSubject): Promise<void> {
    const ip = clientAddressKey(subject.ip);
    await reserve(this.counters, [
      ...this.ipCounters(kind, ip),
      ...(subject.account === undefined ? [] : this.accountCounters(kind, digest(subject.account))),
    ]);
  }

  private ipCounters(kind: string, ip: string): LimitedCounter[] {
    return this.limits.perIp.map((limit) => counter(`${kind}:ip:${ip}`, limit));
  }

  private accountCounters(kind: string, account: string): LimitedCounter[] {
    return this.limits.perAccount.map((limit) => counter(`${kind}:account:${account}`, limit));
  }
}

function counter(name: string, limit: RateLimit): LimitedCounter {
  return { key: `${name}:${String(limit.ttlMs)}`, windowMs: limit.ttlMs, limit };
}
