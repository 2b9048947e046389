import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { AppConfigModule } from 'src/app-config/app-config.module';
import { AuthModule } from 'src/auth/auth.module';
import { AuthGuard } from 'src/auth/guards/auth.guard';
import { ScopesGuard } from 'src/auth/guards/scopes.guard';
import { EmailModule } from 'src/common/email/email.module';
import { IdempotencyModule } from 'src/common/idempotency/idempotency.module';
import { JobsModule } from 'src/common/jobs/jobs.module';
import { LoggingModule } from 'src/common/logging/logging.module';
import { MetricsModule } from 'src/common/metrics/metrics.module';
import { RateLimitModule } from 'src/common/rate-limit/rate-limit.module';
import { StorageModule } from 'src/common/storage/storage.module';
import type { AppConfig } from 'src/config/configuration';
import { DatabaseModule } from 'src/database/database.module';
import { HealthModule } from 'src/health/health.module';
import { OAuth2Module } from 'src/oauth2/oauth2.module';
import { UsersModule } from 'src/users/users.module';
import { WebhooksModule } from 'src/webhooks/webhooks.module';
import { WorkoutUploadsModule } from 'src/workouts/file-uploads/workout-uploads.module';
import { WorkoutsModule } from 'src/workouts/workouts.module';

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
        LoggingModule.forRoot(config.app.logLevel, config.app.logFile, config.app.logFormat),
        MetricsModule,
        DatabaseModule,
        StorageModule,
        IdempotencyModule,
        JobsModule,
        EmailModule,
        RateLimitModule,
        HealthModule,
        AuthModule,
        AppConfigModule,
        WorkoutsModule,
        WorkoutUploadsModule,
        OAuth2Module,
        UsersModule,
        WebhooksModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: ScopesGuard },
      ],
    };
  }
}
