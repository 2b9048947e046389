import { Controller, Get, HttpCode, Module, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiProperty, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiEnvelopeResponse } from 'src/common/envelope/api-envelope-response.decorator';
import { ApiErrors } from 'src/common/openapi/api-error-responses.decorator';
import request from 'supertest';
import type { App } from 'supertest/types';
import { recordResponses } from 'test/conformance/response-recorder';
import { type CheckResult, OpenApiResponseValidator } from 'test/conformance/response-validator';

class Distance {
  @ApiProperty({ description: 'Kilometres' })
  km!: number;
}

/** A DTO that says `km` is a number, for a handler that sends a string: the deliberate error. */
class WrongDistance {
  @ApiProperty({ description: 'Kilometres' })
  km!: string;
}

@Controller('api')
class ProbeController {
  @Get('right')
  @ApiEnvelopeResponse(Distance)
  right(@Res() response: Response): void {
    response.json({ status: 'success', data: { km: 12.5 } });
  }

  @Get('wrong')
  @ApiEnvelopeResponse(WrongDistance)
  wrong(@Res() response: Response): void {
    response.json({ status: 'success', data: { km: 12.5 } });
  }

  @Get('teapot')
  @ApiEnvelopeResponse(Distance)
  @ApiErrors({ 404: 'Nothing here.' })
  @HttpCode(418)
  teapot(@Res() response: Response): void {
    response.status(418).json({ status: 'error', message: 'short and stout' });
  }

  @Get('missing')
  @ApiEnvelopeResponse(Distance)
  @ApiErrors({ 404: 'Nothing here.' })
  missing(@Res() response: Response): void {
    response.status(404).json({ status: 'not found', message: 'no distance' });
  }

  @Get('text')
  @ApiEnvelopeResponse(Distance)
  text(@Res() response: Response): void {
    response.type('text/plain').send('twelve and a half');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

/** The gate itself: the same validator and recorder the e2e suite mounts, on a tiny app. */
describe('OpenAPI conformance gate', () => {
  let app: NestExpressApplication;
  const results = new Map<string, CheckResult>();

  beforeAll(async () => {
    app = await NestFactory.create<NestExpressApplication>(ProbeModule, { logger: false });
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder().setTitle('probe').build(),
    );
    const validator = new OpenApiResponseValidator(document);
    app.use(recordResponses((observed) => results.set(observed.path, validator.check(observed))));
    await app.init();
    const http = app.getHttpServer() as App;
    for (const path of ['/api/right', '/api/wrong', '/api/teapot', '/api/missing', '/api/text'])
      await request(http).get(path);
    await request(http).get('/api/elsewhere');
  });
  afterAll(() => app.close());

  it('accepts a response that matches its DTO', () => {
    expect(results.get('/api/right')).toEqual({ operation: 'GET /api/right', problems: [] });
  });

  it('fails a response that a wrong DTO describes', () => {
    expect(results.get('/api/wrong')).toEqual({
      operation: 'GET /api/wrong',
      problems: ['status 200: body/data/km must be string'],
    });
  });

  it('fails a status the operation does not declare', () => {
    expect(results.get('/api/teapot')?.problems).toEqual(['status 418 is not declared']);
  });

  it('checks error bodies against the error envelope', () => {
    expect(results.get('/api/missing')?.problems).toEqual([]);
  });

  it('fails a media type the response does not declare', () => {
    expect(results.get('/api/text')?.problems).toEqual([
      'status 200: text/plain is not declared (declared: application/json)',
    ]);
  });

  it('leaves paths the document does not describe to the route inventory', () => {
    expect(results.get('/api/elsewhere')).toEqual({ operation: undefined, problems: [] });
  });
});
