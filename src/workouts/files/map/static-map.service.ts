import { join } from 'node:path';

import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PNG } from 'pngjs';
import type { AppConfig } from 'src/config/configuration';
import { parseHexColor, RasterCanvas } from 'src/workouts/files/map/raster-canvas';
import { layoutMap, STATIC_MAP_SIZE } from 'src/workouts/files/map/static-map-layout';
import { TileFetcher } from 'src/workouts/files/map/tile-fetcher';
import { fillTileUrl, staticMapTemplate } from 'src/workouts/files/map/tile-url';

/** docs/uploads.md#files. */
export const STATICMAP_USER_AGENT = 'FitTrackee v0.7.32';
const DEFAULT_STATICMAP_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const LINE_COLOR = parseHexColor('#3388FF');
const LINE_WIDTH = 4;
const BACKGROUND = parseHexColor('#F2EFE9');
/** Per tile; all tiles are fetched at once, so a map never waits much longer than this. */
export const TILE_TIMEOUT_MS = 2000;
/** After a network failure, uploads skip the tile server for a while instead of waiting. */
const SERVER_DOWN_BACKOFF_MS = 60_000;

/**
 * The 400 × 225 PNG map of a workout (docs/uploads.md#files): the track over map tiles when the
 * tile server answers, over a plain background when it does not. Never throws for tile problems.
 */
@Injectable()
export class StaticMapService {
  private readonly template: string;
  private readonly subdomains: readonly string[];
  private readonly fetcher: TileFetcher;
  private serverDownUntil = 0;

  constructor(config: ConfigService<AppConfig, true>) {
    const map = config.get('map', { infer: true });
    this.template = map.isDefaultStaticmap ? DEFAULT_STATICMAP_URL : map.tileServerUrl;
    this.subdomains = map.staticmapSubdomains;
    this.fetcher = new TileFetcher({
      cacheDir: join(config.get('app.dataDir', { infer: true }), 'tile-cache'),
      userAgent: STATICMAP_USER_AGENT,
    });
  }

  /** `lats`/`lons`: every point of the first track, in order (at least one). */
  async render(lats: ArrayLike<number>, lons: ArrayLike<number>): Promise<Buffer> {
    const { width, height } = STATIC_MAP_SIZE;
    const canvas = new RasterCanvas(width, height, BACKGROUND);
    if (lats.length === 0) return canvas.toPng();
    const layout = layoutMap(lats, lons);
    const tiles = await this.fetchTiles(layout.zoom, layout.tiles);
    if (tiles !== null) {
      layout.tiles.forEach((ref, i) => {
        const tile = tiles[i];
        if (tile !== undefined) canvas.drawImage(tile, ref.left, ref.top);
      });
    }
    canvas.strokePolyline(layout.points, LINE_COLOR, LINE_WIDTH);
    return canvas.toPng();
  }

  /** All tiles decoded, or null: a partly tiled map would mislead more than a plain one. */
  private async fetchTiles(
    zoom: number,
    refs: readonly { x: number; y: number }[],
  ): Promise<PNG[] | null> {
    if (Date.now() < this.serverDownUntil) return null;
    const template = staticMapTemplate(this.template, this.subdomains);
    const results = await Promise.all(
      refs.map(({ x, y }) => this.fetchTile(fillTileUrl(template, { s: '', z: zoom, x, y }))),
    );
    return results.every((tile) => tile !== null) ? results : null;
  }

  private async fetchTile(url: string): Promise<PNG | null> {
    let response;
    try {
      response = await this.fetcher.fetch(url, TILE_TIMEOUT_MS);
    } catch {
      this.serverDownUntil = Date.now() + SERVER_DOWN_BACKOFF_MS;
      return null;
    }
    if (response.status !== 200) return null;
    try {
      return PNG.sync.read(response.body);
    } catch {
      return null;
    }
  }
}
