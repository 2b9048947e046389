import { Global, Module } from '@nestjs/common';
import { IdempotencyService } from 'src/common/idempotency/idempotency.service';

/** `Idempotency-Key` support for the create endpoints (workouts, OAuth2 clients). */
@Global()
@Module({ providers: [IdempotencyService], exports: [IdempotencyService] })
export class IdempotencyModule {}
