import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AppConfigModule } from 'src/app-config/app-config.module';
import { AuthModule } from 'src/auth/auth.module';
import { AuthGuard } from 'src/auth/guards/auth.guard';
import { ScopesGuard } from 'src/auth/guards/scopes.guard';
import { EmailModule } from 'src/common/email/email.module';
import { JobsModule } from 'src/common/jobs/jobs.module';
import { buildLoggerParams } from 'src/common/logging/logger.options';
import type { AppConfig } from 'src/config/configuration';
import { DatabaseModule } from 'src/database/database.module';
import { HealthModule } from 'src/health/health.module';
import { UsersModule } from 'src/users/users.module';

/** Root module; the configuration is built (and validated) by the caller: main.ts or the tests. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          load: [() => ({ ...config })],
        }),
        LoggerModule.forRoot(buildLoggerParams(config.app.logLevel)),
        DatabaseModule,
        JobsModule,
        EmailModule,
        HealthModule,
        AuthModule,
        AppConfigModule,
        UsersModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: ScopesGuard },
      ],
    };
  }
}
