import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, QueryConfig } from 'pg';
import type { AppConfig } from 'src/config/configuration';
import { DataSource, type EntityManager } from 'typeorm';

/** The SQL of a hot read and the name it is prepared under on each connection. */
export interface Statement {
  readonly name: string;
  readonly text: string;
}

/**
 * A statement named after its text: node-postgres sends Parse once per connection for a name
 * and then only Bind/Execute, so PostgreSQL neither parses nor plans it again (PostgreSQL
 * manual, "Extended Query" protocol flow). One text, one name: node-postgres refuses a name
 * reused for another text.
 */
export function statement(text: string): Statement {
  const digest = createHash('sha256').update(text).digest('base64url').slice(0, 22);
  return { name: `pk_${digest}`, text };
}

/** Statements built from a filter's shape: one per distinct text, kept for the process's life. */
export class StatementCache {
  private readonly byText = new Map<string, Statement>();

  constructor(private readonly limit = 1000) {}

  get(text: string): Statement {
    let found = this.byText.get(text);
    if (found === undefined) {
      // Query texts come from a bounded set of filter shapes; the limit only guards a mistake.
      if (this.byText.size >= this.limit) this.byText.clear();
      found = statement(text);
      this.byText.set(text, found);
    }
    return found;
  }
}

/**
 * The hot reads (authentication, profile, list, statistics): straight to node-postgres' pool as
 * named prepared statements, with none of TypeORM's per-query work (query runner, entity
 * hydration), and still seen by TypeORM's query logger. Inside a transaction, the
 * transaction's own connection runs the text unnamed.
 */
@Injectable()
export class PreparedQueries {
  private readonly isPreparing: boolean;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService<AppConfig, true>,
  ) {
    this.isPreparing = config.get('database.isPreparing', { infer: true });
  }

  async rows<T extends object>(
    query: Statement,
    values: readonly unknown[],
    manager?: EntityManager,
  ): Promise<T[]> {
    if (manager?.queryRunner !== undefined) return manager.query(query.text, [...values]);
    this.dataSource.logger.logQuery(query.text, [...values]);
    const config: QueryConfig = { text: query.text, values: [...values] };
    if (this.isPreparing) config.name = query.name;
    const result = await this.pool().query<T>(config);
    return result.rows;
  }

  private pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }
}
