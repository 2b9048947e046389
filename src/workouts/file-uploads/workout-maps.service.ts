import { Injectable, StreamableFile } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { NotFoundError } from 'src/common/errors/http-errors';
import type { OpenedObject } from 'src/common/storage/object-store';
import { StorageUnavailableError } from 'src/common/storage/storage-unavailable.error';
import type { HttpResponse } from 'src/workouts/files/http/http-get';
import { TileProxyService } from 'src/workouts/files/map/tile-proxy.service';
import type { TileCoordinates } from 'src/workouts/files/map/tile-url';
import { WorkoutFileStore } from 'src/workouts/files/storage/workout-file-store';
import { EntityManager } from 'typeorm';

/**
 * Public map images (FitTrackee `GET /api/workouts/map/<map_id>`) and the tile proxy of the web
 * client (FitTrackee `GET /api/workouts/map_tile/<s>/<z>/<x>/<y>.png`).
 */
@Injectable()
export class WorkoutMapsService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly storage: WorkoutFileStore,
    private readonly tiles: TileProxyService,
  ) {}

  async getMap(mapId: string): Promise<StreamableFile> {
    const rows = await this.manager.query<{ map: string | null }[]>(
      `SELECT map FROM workouts WHERE map_id = $1 LIMIT 1`,
      [mapId],
    );
    const path = rows[0]?.map;
    if (!path) throw new NotFoundError('Map does not exist.');
    let image: OpenedObject | null;
    try {
      image = await this.storage.open(path);
    } catch (error) {
      if (error instanceof StorageUnavailableError) throw error;
      image = null;
    }
    if (image === null) throw new NotFoundError('Map file does not exist.');
    return new StreamableFile(image.stream, { type: 'image/png', length: image.size });
  }

  /**
   * Upstream body, content type and status unchanged (FitTrackee
   * `GET /api/workouts/map_tile/<s>/<z>/<x>/<y>.png`).
   */
  getTile(tile: TileCoordinates): Promise<HttpResponse> {
    return this.tiles.getTile(tile);
  }
}
