import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from 'src/auth/decorators';
import { RawResponse } from 'src/common/envelope/raw-response.decorator';
import { ENVELOPE_ERROR_SCHEMA } from 'src/common/openapi/api-error-responses.decorator';
import { ApiFileResponse } from 'src/common/openapi/api-file-response.decorator';
import { WorkoutMapsService } from 'src/workouts/file-uploads/workout-maps.service';
import { MAX_TILE_ZOOM } from 'src/workouts/files/map/tile-coordinates';
import { ApiEnvelopeError } from 'src/workouts/workout-docs.decorators';

const TILE_INDEX = { type: 'integer', minimum: 0, maximum: 2 ** MAX_TILE_ZOOM - 1 };

/** Public, not rate limited: browsers load these from `<img>` tags, without a token. */
@ApiTags('workouts')
@Controller('workouts')
export class WorkoutMapsController {
  constructor(private readonly maps: WorkoutMapsService) {}

  @Get('map/:map_id')
  @Public()
  @RawResponse()
  @ApiOperation({
    summary: 'Get the map image of a workout',
    description:
      'The PNG static map drawn when the workout’s file was uploaded (FitTrackee `GET ' +
      '/api/workouts/map/<map_id>`). Public and not rate limited; a query string (the web ' +
      'client’s cache buster) is ignored.',
  })
  @ApiParam({
    name: 'map_id',
    description: 'The workout’s `map` value (its serialization), 32 hexadecimal characters.',
    schema: { type: 'string', example: 'b6c3d24b43b3ab8c8d43d9c41a6d01b6' },
  })
  @ApiFileResponse({ description: 'The map image.', mediaTypes: ['image/png'] })
  @ApiEnvelopeError(
    404,
    'No workout has this map: `Map does not exist.`; its image is missing from the upload ' +
      'folder: `Map file does not exist.`',
    { status: 'not found', message: 'Map does not exist.' },
  )
  getMap(@Param('map_id') mapId: string): Promise<StreamableFile> {
    return this.maps.getMap(mapId);
  }

  @Get('map_tile/:s/:z/:x/:y.png')
  @Public()
  @RawResponse()
  @ApiOperation({
    summary: 'Get a map tile',
    description:
      'Proxy of the tile server set by `TILE_SERVER_URL` for the web client’s maps (FitTrackee ' +
      '`GET /api/workouts/map_tile/<s>/<z>/<x>/<y>.png`): the tile server’s status, ' +
      '`Content-Type` and body come back unchanged. Public and not rate limited; PNG tiles are ' +
      'cached on disk.',
  })
  @ApiParam({
    name: 's',
    description: 'Sub-domain of the tile server (`{s}` in `TILE_SERVER_URL`), a host name label.',
    schema: { type: 'string', pattern: '^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$' },
    example: 'a',
  })
  @ApiParam({
    name: 'z',
    description: 'Zoom level.',
    schema: { type: 'integer', minimum: 0, maximum: MAX_TILE_ZOOM },
    example: 13,
  })
  @ApiParam({
    name: 'x',
    description: 'Tile column, from 0 to 2^z − 1.',
    schema: TILE_INDEX,
    example: 4193,
  })
  @ApiParam({
    name: 'y',
    description: 'Tile row, from 0 to 2^z − 1.',
    schema: TILE_INDEX,
    example: 2925,
  })
  @ApiFileResponse({
    description: 'The tile, with the tile server’s `Content-Type` (a PNG image normally).',
    mediaTypes: ['image/png', '*/*'],
  })
  @ApiResponse({
    status: 404,
    description:
      '`Map tile does not exist.` (JSON): z is not in 0–22, x or y not in 0 to 2^z − 1, or s ' +
      'not a host name label; the tile server is not asked. Otherwise the tile server’s own ' +
      '404, with its `Content-Type` and body.',
    content: {
      'application/json': {
        schema: ENVELOPE_ERROR_SCHEMA,
        example: { status: 'not found', message: 'Map tile does not exist.' },
      },
      '*/*': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiEnvelopeError(502, 'The tile server did not answer: `error when getting map tile`.', {
    status: 'error',
    message: 'error when getting map tile',
  })
  @ApiResponse({
    status: 'default',
    description: 'Any other status of the tile server, with its `Content-Type` and body.',
    content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
  })
  async getTile(
    @Param('s') s: string,
    @Param('z') z: string,
    @Param('x') x: string,
    @Param('y') y: string,
    @Res() response: Response,
  ): Promise<void> {
    const tile = await this.maps.getTile({ s, z, x, y });
    if (tile.contentType !== null) response.setHeader('Content-Type', tile.contentType);
    response.status(tile.status).end(tile.body);
  }
}
