import { Controller, Get, HttpCode, type INestApplication, Post } from '@nestjs/common';
import { AppConfigController } from 'src/app-config/app-config.controller';
import { Public, Scopes } from 'src/auth/decorators';
import { SCOPE } from 'src/auth/scopes';
import { HealthController } from 'src/health/health.controller';
import { controllersOf, routesOf, routeViolations } from 'test/helpers/route-inventory';
import { createPreviewApp } from 'test/setup/preview-app';

@Controller('careless')
class CarelessController {
  @Get()
  forgotAccess(): string {
    return 'open';
  }

  @Post()
  @Public()
  forgotHttpCode(): string {
    return 'created?';
  }

  @Post('fine')
  @Scopes(SCOPE.WORKOUTS_WRITE)
  @HttpCode(200)
  fine(): string {
    return 'ok';
  }
}

describe('route inventory (deny by default, explicit POST status)', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createPreviewApp();
  });
  afterAll(() => app.close());

  it('walks every controller of the application', () => {
    const controllers = controllersOf(app);
    expect(controllers).toEqual(expect.arrayContaining([AppConfigController, HealthController]));
    expect(controllers.flatMap(routesOf).length).toBeGreaterThanOrEqual(4);
  });

  it('finds no handler without an access decorator and no POST without @HttpCode', () => {
    expect(routeViolations(controllersOf(app).flatMap(routesOf))).toEqual([]);
  });

  it('reports a careless controller', () => {
    expect(routeViolations(routesOf(CarelessController))).toEqual([
      'CarelessController.forgotAccess: no @Public(), @Scopes() or @FirstPartyOnly()',
      'CarelessController.forgotHttpCode: @Post() without @HttpCode()',
    ]);
  });
});
