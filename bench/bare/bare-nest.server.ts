import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

@Controller('api')
class PingController {
  @Get('ping')
  ping(): { status: string; message: string } {
    return { status: 'success', message: 'pong!' };
  }
}

@Module({ controllers: [PingController] })
class BareModule {}

/** The yardstick: one Nest controller on the express adapter, nothing else. */
async function main(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(BareModule, { logger: false });
  await app.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1');
  process.send?.({ port: (app.getHttpServer().address() as { port: number }).port });
  console.log(`bare nest listening on ${await app.getUrl()}`);
}

void main();
