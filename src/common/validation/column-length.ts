import { InvalidInputError } from 'src/common/errors/http-errors';
import { getMetadataArgsStorage } from 'typeorm';

/** An entity class, as the entities are declared (`@Entity() class User`). */
export type EntityClass<T extends object> = new () => T;

const lengths = new Map<string, number | undefined>();

/**
 * The declared length of a `varchar(n)` / `char(n)` column of an entity, read from its TypeORM
 * metadata, so a rule and the column it protects cannot drift apart (an e2e test compares the
 * entities with the migrated database). Undefined for `text` columns, which have no limit.
 */
export function columnLength<T extends object>(
  entity: EntityClass<T>,
  property: keyof T & string,
): number | undefined {
  const key = `${entity.name}.${property}`;
  if (lengths.has(key)) return lengths.get(key);
  const column = getMetadataArgsStorage().columns.find(
    (candidate) => candidate.target === entity && candidate.propertyName === property,
  );
  if (column === undefined) throw new Error(`${key} is not a column`);
  const length = column.options.length === undefined ? undefined : Number(column.options.length);
  lengths.set(key, length);
  return length;
}

/** PostgreSQL counts characters (code points); a JS string's length counts UTF-16 units. */
function characterCount(text: string, atMost: number): number {
  if (text.length <= atMost) return text.length;
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** Why `value` cannot be stored in the column (naming `field`), or undefined when it fits. */
export function columnLengthProblem<T extends object>(
  value: unknown,
  entity: EntityClass<T>,
  property: keyof T & string,
  field: string,
): string | undefined {
  const limit = columnLength(entity, property);
  if (typeof value !== 'string' || limit === undefined) return undefined;
  return characterCount(value, limit) > limit ? `${field}: ${limit} characters maximum` : undefined;
}

/** For values parsed by hand (not through a DTO): 400 naming `field` when it cannot fit. */
export function assertFitsColumn<T extends object>(
  value: unknown,
  entity: EntityClass<T>,
  property: keyof T & string,
  field: string,
): void {
  const problem = columnLengthProblem(value, entity, property, field);
  if (problem !== undefined) throw new InvalidInputError(problem);
}
