import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import type { AppConfig } from 'src/config/configuration';
import { OAuth2Client } from 'src/oauth2/clients/oauth2-client.entity';
import { Repository } from 'typeorm';

/** A loaded set is used at most this long, so a deleted client's origin goes away. */
export const ORIGINS_MAX_AGE_MS = 60_000;
/** An unknown origin reloads the set when it is older than this: new clients count promptly. */
export const ORIGINS_MISS_RELOAD_MS = 5_000;

interface Snapshot {
  origins: ReadonlySet<string>;
  loadedAt: number;
}

/** The web origin of an http(s) redirect URI (RFC 6454 §4); none for a private-use scheme. */
function originOf(uri: string): string | undefined {
  if (!/^https?:\/\//i.test(uri)) return undefined;
  try {
    const { origin } = new URL(uri);
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * The origins whose browser apps get CORS headers (docs/oauth2.md#cors): those of every
 * registered redirect URI, plus CORS_ORIGINS. The registered ones are read from the database
 * as one set and kept in memory: a known origin costs no query; an unknown one reloads the set
 * at most every 5 seconds (so a client registered through another server process counts within
 * seconds, and a stream of foreign origins cannot turn into a stream of queries); the set is
 * dropped after a minute, and at once when this process registers or deletes a client.
 */
@Injectable()
export class CorsOriginsService {
  private readonly logger = new Logger(CorsOriginsService.name);
  private readonly configured: ReadonlySet<string>;
  private snapshot: Snapshot | undefined;
  private loading: Promise<Snapshot> | undefined;

  constructor(
    @InjectRepository(OAuth2Client) private readonly clients: Repository<OAuth2Client>,
    config: ConfigService<AppConfig, true>,
  ) {
    this.configured = new Set(config.get('cors.extraOrigins', { infer: true }));
  }

  /** Never rejects: when the database cannot be read, only the last known set counts. */
  async isAllowed(origin: string): Promise<boolean> {
    if (this.configured.has(origin)) return true;
    let snapshot = this.snapshot;
    if (snapshot === undefined || Date.now() - snapshot.loadedAt > ORIGINS_MAX_AGE_MS)
      snapshot = await this.reload();
    if (snapshot.origins.has(origin)) return true;
    if (Date.now() - snapshot.loadedAt <= ORIGINS_MISS_RELOAD_MS) return false;
    return (await this.reload()).origins.has(origin);
  }

  /** Called when this process registers or deletes a client. */
  forget(): void {
    this.snapshot = undefined;
  }

  private reload(): Promise<Snapshot> {
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(): Promise<Snapshot> {
    try {
      const rows = await this.clients.find({ select: { id: true, redirectUris: true } });
      const origins = new Set(
        rows.flatMap((row) => row.redirectUris.flatMap((uri) => originOf(uri) ?? [])),
      );
      this.snapshot = { origins, loadedAt: Date.now() };
      return this.snapshot;
    } catch (error) {
      this.logger.warn(`CORS origins not reloaded: ${String(error)}`);
      return this.snapshot ?? { origins: new Set(), loadedAt: 0 };
    }
  }
}
