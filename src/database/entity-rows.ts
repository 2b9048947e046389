import { types } from 'pg';
import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

type TypeId = Parameters<typeof types.getTypeParser>[0];

/** Column types that JSON carries as node-postgres reads them from the text protocol. */
const AS_JSON = new Set(['integer', 'smallint', 'boolean', 'character varying', 'text']);

/**
 * Column types packed as their text form (`::text`, the text protocol's own output) and read
 * by node-postgres' parser of the type (its OID): the very value a column of the row would give.
 */
const AS_TEXT: Readonly<Record<string, TypeId>> = {
  'timestamp without time zone': types.builtins.TIMESTAMP,
  'timestamp with time zone': types.builtins.TIMESTAMPTZ,
  date: types.builtins.DATE,
};

/** json_build_object takes at most 100 arguments (PostgreSQL's FUNC_MAX_ARGS), two a column. */
const MAX_PACKED_COLUMNS = 50;

interface PackedColumn {
  column: ColumnMetadata;
  /** node-postgres' parser of the text form, for a column packed as text. */
  parse?: (text: string) => unknown;
}

/**
 * An entity's own columns read from a raw row, as TypeORM hydrates them (the driver's value
 * conversion, then the column's transformer), without building a query: for the hot reads that
 * run as prepared statements (src/database/prepared-queries.ts).
 */
export class EntityRows<T extends ObjectLiteral> {
  private readonly metadata: EntityMetadata;
  private readonly columns: ColumnMetadata[];
  private readonly packing: PackedColumn[];

  constructor(
    private readonly dataSource: DataSource,
    target: EntityTarget<T>,
  ) {
    this.metadata = dataSource.getMetadata(target);
    this.columns = this.metadata.columns.filter((column) => column.relationMetadata === undefined);
    if (this.columns.length > MAX_PACKED_COLUMNS)
      throw new Error(`${this.metadata.name}: more than ${MAX_PACKED_COLUMNS} columns to pack`);
    this.packing = this.columns.map((column) => this.packingOf(column));
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

  /**
   * Every column of `alias` as one JSON object, which `hydratePacked` reads back to the entity
   * `hydrate` gives for the same row. node-postgres sets up a parser and a key per column of a
   * result, on every query: for the user of each authenticated request, one column instead of
   * 25 took 30–45 µs of the server's CPU off each request.
   */
  packedObject(alias: string): string {
    const pairs = this.packing.map(({ column, parse }) => {
      const value = `"${alias}"."${column.databaseName}"`;
      return `'${column.databaseName}', ${parse === undefined ? value : `${value}::text`}`;
    });
    return `json_build_object(${pairs.join(', ')})`;
  }

  /** The entity of a `packedObject` value, as node-postgres parsed its JSON. */
  hydratePacked(packed: unknown): T {
    if (typeof packed !== 'object' || packed === null)
      throw new TypeError(`${this.metadata.name}: not a packed row`);
    const values = packed as Record<string, unknown>;
    const entity = this.metadata.create() as T;
    const driver = this.dataSource.driver;
    for (const { column, parse } of this.packing) {
      const value = values[column.databaseName];
      const read = parse !== undefined && typeof value === 'string' ? parse(value) : value;
      column.setEntityValue(entity, driver.prepareHydratedValue(read, column));
    }
    return entity;
  }

  /** How a column travels in `packedObject`; a type neither way covers is refused at once. */
  private packingOf(column: ColumnMetadata): PackedColumn {
    const type = this.dataSource.driver.normalizeType(column);
    if (AS_JSON.has(type)) return { column };
    const oid = AS_TEXT[type];
    if (oid === undefined)
      throw new Error(`${this.metadata.name}.${column.databaseName}: cannot pack a ${type} column`);
    const parser = types.getTypeParser(oid, 'text') as (text: string) => unknown;
    return { column, parse: parser };
  }
}
