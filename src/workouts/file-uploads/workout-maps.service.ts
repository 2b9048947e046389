import { Injectable, StreamableFile } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectEntityManager } from '@nestjs/typeorm';
import { NotFoundError } from 'src/common/errors/http-errors';
import type { AppConfig } from 'src/config/configuration';
import { type TileRequest, tileUrl } from 'src/workouts/file-uploads/tile-proxy';
import { WorkoutFileStorageService } from 'src/workouts/files/storage/workout-file-storage.service';
import { EntityManager } from 'typeorm';

/** FitTrackee's tile proxy sends this browser User-Agent and waits 30 s (spec §3.8). */
const TILE_USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64; rv:88.0)';
const TILE_TIMEOUT_MS = 30_000;

export interface ProxiedTile {
  status: number;
  contentType: string | null;
  body: Buffer;
}

/** Public map images (spec workouts.md §3.7) and the tile proxy of the web client (§3.8). */
@Injectable()
export class WorkoutMapsService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly storage: WorkoutFileStorageService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async getMap(mapId: string): Promise<StreamableFile> {
    const rows = await this.manager.query<{ map: string | null }[]>(
      `SELECT map FROM workouts WHERE map_id = $1 LIMIT 1`,
      [mapId],
    );
    const path = rows[0]?.map;
    if (!path) throw new NotFoundError('Map does not exist.');
    let image: Buffer;
    try {
      image = await this.storage.read(path);
    } catch {
      throw new NotFoundError('Map file does not exist.');
    }
    return new StreamableFile(image, { type: 'image/png', length: image.length });
  }

  /** Upstream body, content type and status unchanged; an unreachable server is a 502/504. */
  async getTile(tile: TileRequest): Promise<ProxiedTile> {
    const url = tileUrl(this.config.get('map.tileServerUrl', { infer: true }), tile);
    try {
      const response = await fetch(url, {
        headers: { 'User-Agent': TILE_USER_AGENT },
        signal: AbortSignal.timeout(TILE_TIMEOUT_MS),
      });
      return {
        status: response.status,
        contentType: response.headers.get('content-type'),
        body: Buffer.from(await response.arrayBuffer()),
      };
    } catch (error) {
      const isTimeout = error instanceof Error && error.name === 'TimeoutError';
      return { status: isTimeout ? 504 : 502, contentType: null, body: Buffer.alloc(0) };
    }
  }
}
