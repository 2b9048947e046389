import { join } from 'node:path';

import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppError } from 'src/common/errors/app-error';
import { NotFoundError } from 'src/common/errors/http-errors';
import type { AppConfig } from 'src/config/configuration';
import type { HttpResponse } from 'src/workouts/files/http/http-get';
import { parseTileCoordinates } from 'src/workouts/files/map/tile-coordinates';
import { TileFetcher } from 'src/workouts/files/map/tile-fetcher';
import { fillTileUrl, type TileCoordinates } from 'src/workouts/files/map/tile-url';

/** FitTrackee `GET /api/workouts/map_tile/<s>/<z>/<x>/<y>.png`. */
export const TILE_PROXY_USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64; rv:88.0)';
export const TILE_PROXY_TIMEOUT_MS = 30_000;

/** The tile server did not answer: a gateway problem, not the client's. */
export class TileUnavailableError extends AppError {
  constructor() {
    super(502, 'error', { message: 'error when getting map tile' });
  }
}

/**
 * FitTrackee `GET /api/workouts/map_tile/<s>/<z>/<x>/<y>.png`: the parts, once checked to
 * name a tile, go into TILE_SERVER_URL and the upstream status, content type and body come
 * back unchanged. Anything else is a 404, like an unknown map (FitTrackee
 * `GET /api/workouts/map/<map_id>`), without asking the tile server. Successful PNG tiles are
 * cached on disk (shared with the static maps).
 */
@Injectable()
export class TileProxyService {
  private readonly template: string;
  private readonly fetcher: TileFetcher;

  constructor(config: ConfigService<AppConfig, true>) {
    this.template = config.get('map.tileServerUrl', { infer: true });
    this.fetcher = new TileFetcher({
      cacheDir: join(config.get('app.dataDir', { infer: true }), 'tile-cache'),
      userAgent: TILE_PROXY_USER_AGENT,
    });
  }

  async getTile(requested: TileCoordinates): Promise<HttpResponse> {
    const tile = parseTileCoordinates(requested);
    if (tile === null) throw new NotFoundError('Map tile does not exist.');
    const url = fillTileUrl(this.template, tile);
    try {
      return await this.fetcher.fetch(url, TILE_PROXY_TIMEOUT_MS);
    } catch {
      throw new TileUnavailableError();
    }
  }
}
