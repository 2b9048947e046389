import {
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { IdempotencyKeyReusedError } from 'src/common/idempotency/idempotency-errors';
import type { IdempotencyRequest } from 'src/common/idempotency/idempotency-request';
import { deriveKey, seal, unseal } from 'src/common/idempotency/sealed-response';
import { runsBackgroundWork } from 'src/common/process/cluster-role';
import type { AppConfig } from 'src/config/configuration';
import { DataSource, type EntityManager } from 'typeorm';

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_HOURS = 24;
const CLEANUP_INTERVAL_MS = 60 * 60_000;
const LIVE = `created_at > (now() AT TIME ZONE 'utc') - interval '${IDEMPOTENCY_TTL_HOURS} hours'`;

export interface Idempotent<T> {
  result: T;
  /** The result of an earlier request with the same key: nothing was created now. */
  isReplay: boolean;
}

interface StoredRow {
  request_hash: string;
  response: string | null;
}

/**
 * Replays the first result of a create request to its retries (README, "Faults and retries").
 * The key is claimed by the transaction that creates the resources and stored with its result
 * in that same transaction, so a crash never records one without the other; a concurrent
 * request with the same key waits on the claim (the unique index), then replays the result.
 */
@Injectable()
export class IdempotencyService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly secret: string;
  private cleanupTimer: NodeJS.Timeout | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService<AppConfig, true>,
  ) {
    this.secret = config.get('app.secretKey', { infer: true });
  }

  /** Runs `create` inside the caller's transaction, unless the key already has a result. */
  async run<T>(
    manager: EntityManager,
    userId: number,
    request: IdempotencyRequest | undefined,
    create: () => Promise<T>,
  ): Promise<Idempotent<T>> {
    if (request === undefined) return { result: await create(), isReplay: false };
    const keyHash = this.keyHash(request);
    await manager.query(
      `DELETE FROM idempotency_keys
       WHERE user_id = $1 AND endpoint = $2 AND key_hash = $3 AND NOT (${LIVE})`,
      [userId, request.endpoint, keyHash],
    );
    const claimed = await manager.query<unknown[]>(
      `INSERT INTO idempotency_keys (user_id, endpoint, key_hash, request_hash)
       VALUES ($1, $2, $3, $4) ON CONFLICT ON CONSTRAINT idempotency_keys_user_endpoint_key
       DO NOTHING RETURNING id`,
      [userId, request.endpoint, keyHash, request.fingerprint],
    );
    if (claimed.length === 0) {
      const stored = await this.findStored(manager, userId, request);
      if (stored === undefined) throw new Error('idempotency key claimed without a result');
      return { result: stored as T, isReplay: true };
    }
    const result = await create();
    await manager.query(
      `UPDATE idempotency_keys SET response = $4
       WHERE user_id = $1 AND endpoint = $2 AND key_hash = $3`,
      [userId, request.endpoint, keyHash, this.seal(userId, request, JSON.stringify(result))],
    );
    return { result, isReplay: false };
  }

  /** The stored result of a completed request with this key, checked before any work. */
  find(userId: number, request: IdempotencyRequest | undefined): Promise<unknown> {
    if (request === undefined) return Promise.resolve(undefined);
    return this.findStored(this.dataSource.manager, userId, request);
  }

  async cleanExpired(): Promise<number> {
    const [, deleted] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM idempotency_keys WHERE NOT (${LIVE})`,
    );
    return deleted;
  }

  onApplicationBootstrap(): void {
    // In a cluster, one worker cleans for all (cluster-role.ts).
    if (!runsBackgroundWork()) return;
    this.cleanupTimer = setInterval(
      () => void this.cleanExpired().catch(() => 0),
      CLEANUP_INTERVAL_MS,
    );
    this.cleanupTimer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.cleanupTimer);
  }

  private async findStored(
    manager: EntityManager,
    userId: number,
    request: IdempotencyRequest,
  ): Promise<unknown> {
    const rows = await manager.query<StoredRow[]>(
      `SELECT request_hash, response FROM idempotency_keys
       WHERE user_id = $1 AND endpoint = $2 AND key_hash = $3 AND ${LIVE}`,
      [userId, request.endpoint, this.keyHash(request)],
    );
    const row = rows[0];
    if (row?.response === undefined || row.response === null) return undefined;
    if (row.request_hash !== request.fingerprint) throw new IdempotencyKeyReusedError();
    return JSON.parse(this.unseal(userId, request, row.response)) as unknown;
  }

  private keyHash(request: IdempotencyRequest): string {
    return deriveKey(this.secret, 'idempotency-key', request.key).toString('hex');
  }

  private seal(userId: number, request: IdempotencyRequest, json: string): string {
    const key = deriveKey(this.secret, 'idempotency-response', request.key);
    return seal(key, `${userId}\0${request.endpoint}`, json);
  }

  private unseal(userId: number, request: IdempotencyRequest, sealed: string): string {
    const key = deriveKey(this.secret, 'idempotency-response', request.key);
    return unseal(key, `${userId}\0${request.endpoint}`, sealed);
  }
}
