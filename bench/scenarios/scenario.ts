import type { INestApplication } from '@nestjs/common';
import type autocannon from 'autocannon';

/** What a scenario may use to prepare its requests (seed users, obtain tokens). */
export interface BenchContext {
  app: INestApplication;
  url: string;
}

/** One benchmark: autocannon options for a running server. Register it in bench/scenarios/all-scenarios.ts. */
export interface Scenario {
  name: string;
  prepare(
    context: BenchContext,
  ): Promise<Partial<autocannon.Options>> | Partial<autocannon.Options>;
}
