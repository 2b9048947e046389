import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import {
  columnLength,
  columnLengthProblem,
  type EntityClass,
} from 'src/common/validation/column-length';
import { isInt4, isInt4Text, isIntegerText } from 'src/common/validation/int4';

/** Constraint names the edge test and the error mapping recognise. */
export const FITS_COLUMN = 'fitsColumn';
export const IN_INT4_RANGE = 'inInt4Range';
export const BOUNDED_BY_SERVICE = 'boundedByService';
export const NOT_STORED = 'notStored';

/**
 * The string goes to `entity.property`: longer than the column is 400 `<field>: <n> characters
 * maximum`, the limit read from the entity (see columnLength). Non-strings pass; the type
 * checks are the other decorators' job.
 */
export function FitsColumn<T extends object>(
  entity: EntityClass<T>,
  property: keyof T & string,
): PropertyDecorator {
  const validation = ValidateBy({
    name: FITS_COLUMN,
    constraints: [entity, property],
    validator: {
      validate: (value, args) =>
        columnLengthProblem(value, entity, property, args?.property ?? property) === undefined,
      defaultMessage: (args) =>
        columnLengthProblem(args?.value, entity, property, args?.property ?? property) ?? '',
    },
  });
  const documentation = ApiProperty({ maxLength: columnLength(entity, property) });
  return (target, key) => {
    validation(target, key);
    documentation(target, key);
  };
}

/**
 * A number, or an integer written as text (a query value), within PostgreSQL's int4. Other
 * values pass: whether the text is an integer at all is the type check's job.
 */
export function InInt4Range(): PropertyDecorator {
  return ValidateBy({
    name: IN_INT4_RANGE,
    validator: {
      validate: (value) =>
        typeof value === 'string'
          ? !isIntegerText(value) || isInt4Text(value)
          : typeof value !== 'number' || !Number.isInteger(value) || isInt4(value),
      defaultMessage: (args) => `${args?.property ?? 'value'}: integer out of range`,
    },
  });
}

/**
 * The service checks this string with FitTrackee's own rule and message (e.g. "username: 3 to
 * 30 characters required"), which keeps it within `maxLength`; a unit test holds `maxLength` to
 * the column's length. No check here, so the FitTrackee message is the one answered.
 */
export function BoundedByService<T extends object>(
  entity: EntityClass<T>,
  property: keyof T & string,
  maxLength: number,
): PropertyDecorator {
  return ValidateBy({
    name: BOUNDED_BY_SERVICE,
    constraints: [entity, property, maxLength],
    validator: { validate: () => true },
  });
}

/** A string that is only compared, parsed or hashed, never written to a column as it is. */
export function NotStored(): PropertyDecorator {
  return ValidateBy({ name: NOT_STORED, validator: { validate: () => true } });
}
