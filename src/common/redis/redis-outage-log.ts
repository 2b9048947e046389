import type { Logger } from '@nestjs/common';

/** Socket-level failures: the server is unreachable, not a command that went wrong. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

function codeOf(error: unknown): string | undefined {
  const code: unknown = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** An error of the connection to Redis (refused, reset, closed) rather than of a command. */
export function isRedisConnectionError(error: unknown): boolean {
  const code = codeOf(error);
  if (code !== undefined) return CONNECTION_CODES.has(code);
  const message = error instanceof Error ? error.message : '';
  return /^(Connection is closed|connect ETIMEDOUT|Stream isn't writeable)/.test(message);
}

/**
 * A Redis client reconnects by itself and reports each failed attempt, several a second: one
 * warning when its connection is lost and one line when it is back, whatever happens between.
 */
export class RedisOutageLog {
  private lostWith: string | undefined;

  constructor(
    private readonly logger: Logger,
    /** What the outage means for this client, e.g. `rate limiting off`. */
    private readonly consequence: string,
    /** What works again, e.g. `rate limiting on`. */
    private readonly recovery: string,
  ) {}

  get isDown(): boolean {
    return this.lostWith !== undefined;
  }

  /** The error code the connection was lost with (`ECONNREFUSED`), never an address. */
  get reason(): string | undefined {
    return this.lostWith;
  }

  lost(error: unknown): void {
    if (this.lostWith !== undefined) return;
    this.lostWith = codeOf(error) ?? (error instanceof Error ? error.message : 'unreachable');
    const detail = error instanceof Error ? error.message : this.lostWith;
    this.logger.warn(`Redis unreachable (${detail}): ${this.consequence} until it is back`);
  }

  restored(): void {
    if (this.lostWith === undefined) return;
    this.lostWith = undefined;
    this.logger.log(`Redis reachable again: ${this.recovery}`);
  }
}
