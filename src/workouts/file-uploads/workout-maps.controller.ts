import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from 'src/auth/decorators';
import { RawResponse } from 'src/common/envelope/raw-response.decorator';
import { WorkoutMapsService } from 'src/workouts/file-uploads/workout-maps.service';

/** Public, not rate limited (FitTrackee `GET /api/workouts/map/<map_id>`, `GET /api/workouts/map_tile/<s>/<z>/<x>/<y>.png`). */
@ApiTags('workouts')
@Controller('workouts')
export class WorkoutMapsController {
  constructor(private readonly maps: WorkoutMapsService) {}

  @Get('map/:map_id')
  @Public()
  @RawResponse()
  @ApiProduces('image/png')
  getMap(@Param('map_id') mapId: string): Promise<StreamableFile> {
    return this.maps.getMap(mapId);
  }

  @Get('map_tile/:s/:z/:x/:y.png')
  @Public()
  @RawResponse()
  @ApiProduces('image/png')
  @ApiOkResponse({ description: 'The tile server’s answer: status, type and body unchanged.' })
  @ApiNotFoundResponse({
    description:
      '`Map tile does not exist.`: z is not in 0–22, x or y not in 0 to 2^z − 1, or s not a ' +
      'host name label. The tile server is not asked.',
  })
  @ApiBadGatewayResponse({ description: '`error when getting map tile`.' })
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
