import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * An entity's own columns read from a raw row, as TypeORM hydrates them (the driver's value
 * conversion, then the column's transformer), without building a query: for the hot reads that
 * run as prepared statements (src/database/prepared-queries.ts).
 */
export class EntityRows<T extends ObjectLiteral> {
  private readonly metadata: EntityMetadata;
  private readonly columns: ColumnMetadata[];

  constructor(
    private readonly dataSource: DataSource,
    target: EntityTarget<T>,
  ) {
    this.metadata = dataSource.getMetadata(target);
    this.columns = this.metadata.columns.filter((column) => column.relationMetadata === undefined);
  }

  /** `"alias"."column"` for every column, named as the row keys `hydrate` reads. */
  selectList(alias: string): string {
    return this.columns
      .map((column) => `"${alias}"."${column.databaseName}" AS "${column.databaseName}"`)
      .join(', ');
  }

  hydrate(row: Record<string, unknown>): T {
    const entity = this.metadata.create() as T;
    const driver = this.dataSource.driver;
    for (const column of this.columns)
      column.setEntityValue(entity, driver.prepareHydratedValue(row[column.databaseName], column));
    return entity;
  }
}
