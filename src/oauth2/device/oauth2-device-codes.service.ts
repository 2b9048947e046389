import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { OAuth2DeviceCode } from 'src/oauth2/device/oauth2-device-code.entity';
import { generateUserCode, normalizeUserCode } from 'src/oauth2/device/user-code';
import { hashSecret, randomAlphanumeric } from 'src/oauth2/tokens/secrets';
import { IsNull, LessThan, MoreThan, QueryFailedError, Repository } from 'typeorm';

export interface NewDeviceCode {
  clientId: number;
  scope: string | null;
  expiresIn: number;
  interval: number;
}

/** Expired requests are kept a day, so that a late poll still learns `expired_token`. */
const KEPT_AFTER_EXPIRY_MS = 24 * 3600 * 1000;

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: unknown } | undefined)?.code === '23505'
  );
}

/** Device authorization requests (docs/oauth2.md#device-flow); only digests are stored. */
@Injectable()
export class OAuth2DeviceCodesService {
  constructor(
    @InjectRepository(OAuth2DeviceCode) private readonly codes: Repository<OAuth2DeviceCode>,
  ) {}

  /** A device code (48 alphanumerics) and a user code; a user code clash draws another one. */
  async create(request: NewDeviceCode): Promise<{ deviceCode: string; userCode: string }> {
    const now = Date.now();
    await this.codes.delete({ expiresAt: LessThan(new Date(now - KEPT_AFTER_EXPIRY_MS)) });
    for (let attempt = 1; ; attempt += 1) {
      const deviceCode = randomAlphanumeric(48);
      const userCode = generateUserCode();
      try {
        await this.codes.insert({
          deviceCodeHash: hashSecret(deviceCode),
          userCodeHash: hashSecret(normalizeUserCode(userCode) ?? ''),
          clientId: request.clientId,
          scope: request.scope,
          expiresAt: new Date(now + request.expiresIn * 1000),
          interval: request.interval,
          lastPolledAt: null,
          status: 'pending',
          userId: null,
          usedAt: null,
        });
        return { deviceCode, userCode };
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 5) throw error;
      }
    }
  }

  findByDeviceCode(deviceCode: string): Promise<OAuth2DeviceCode | null> {
    return this.codes.findOneBy({ deviceCodeHash: hashSecret(deviceCode) });
  }

  /** The request a typed user code names, while the user may still approve or deny it. */
  findPendingByUserCode(normalized: string): Promise<OAuth2DeviceCode | null> {
    return this.codes.findOneBy({
      userCodeHash: hashSecret(normalized),
      status: 'pending',
      expiresAt: MoreThan(new Date()),
    });
  }

  /**
   * Records a poll; returns the new interval when it came sooner than `interval` seconds after
   * the previous one (RFC 8628 §3.5 `slow_down`: 5 more seconds, for every later poll too). Of
   * two concurrent polls, the one that finds the row changed is the fast one.
   */
  async recordPoll(code: OAuth2DeviceCode, now = new Date()): Promise<number | null> {
    const previous = code.lastPolledAt;
    const isTooSoon =
      previous !== null && now.getTime() - previous.getTime() < code.interval * 1000;
    const interval = isTooSoon ? code.interval + 5 : code.interval;
    const result = await this.codes.update(
      { id: code.id, lastPolledAt: previous === null ? IsNull() : previous },
      { lastPolledAt: now, interval },
    );
    if ((result.affected ?? 0) > 0) return isTooSoon ? interval : null;
    await this.codes.increment({ id: code.id }, 'interval', 5);
    return code.interval + 5;
  }

  /** The user's decision, once, while the request is pending and unexpired. */
  async decide(id: number, decision: { userId: number } | 'denied'): Promise<boolean> {
    const result = await this.codes.update(
      { id, status: 'pending', expiresAt: MoreThan(new Date()) },
      decision === 'denied'
        ? { status: 'denied' }
        : { status: 'approved', userId: decision.userId },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Atomic single use: of two concurrent exchanges, one gets the tokens. */
  async markUsed(id: number): Promise<boolean> {
    const result = await this.codes.update({ id, usedAt: IsNull() }, { usedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }
}
