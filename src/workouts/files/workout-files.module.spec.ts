import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ConfigModule } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { StaticMapService } from 'src/workouts/files/map/static-map.service';
import { TileProxyService } from 'src/workouts/files/map/tile-proxy.service';
import { WorkoutFileStorageService } from 'src/workouts/files/storage/workout-file-storage.service';
import { WeatherService } from 'src/workouts/files/weather/weather.service';
import { WorkoutFilesModule } from 'src/workouts/files/workout-files.module';
import { buildTestConfig } from 'test/setup/test-config';

describe('WorkoutFilesModule', () => {
  it('provides its services from the global config and sweeps old temp files at start-up', async () => {
    const config = buildTestConfig();
    const tempDir = join(config.app.uploadFolder, '.tmp');
    mkdirSync(tempDir, { recursive: true });
    const leftover = join(tempDir, 'workouts~1~a.gpx.0123456789ab.part');
    writeFileSync(leftover, 'x');
    const old = new Date(Date.now() - 3600_000);
    utimesSync(leftover, old, old);
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          load: [() => ({ ...config })],
        }),
        WorkoutFilesModule,
      ],
    }).compile();
    const storage = moduleRef.get(WorkoutFileStorageService);
    storage.setCommitResolver((path) => Promise.resolve(path === 'workouts/1/a.gpx'));
    await moduleRef.createNestApplication().init();
    expect(storage.root).toBe(config.app.uploadFolder);
    await expect(storage.read('workouts/1/a.gpx')).resolves.toEqual(Buffer.from('x'));
    expect(moduleRef.get(StaticMapService)).toBeInstanceOf(StaticMapService);
    expect(moduleRef.get(TileProxyService)).toBeInstanceOf(TileProxyService);
    expect(moduleRef.get(WeatherService).isEnabled()).toBe(false);
    await moduleRef.close();
  });
});
