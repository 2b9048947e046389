import { Global, Module } from '@nestjs/common';
import { AppMetrics } from 'src/common/metrics/app-metrics';

/** The metrics registry, for the features that record into it (docs/operations.md#metrics). */
@Global()
@Module({ providers: [AppMetrics], exports: [AppMetrics] })
export class MetricsModule {}
