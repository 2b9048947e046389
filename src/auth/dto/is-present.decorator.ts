import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * The key must be in the body (FitTrackee reads it with `post_data[key]`); `null` is allowed
 * unless `check` refuses it. Used where FitTrackee requires "body must contain all N keys".
 */
export function IsPresent(
  check: (value: unknown) => boolean = () => true,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPresent',
      constraints: [check],
      validator: { validate: (value) => value !== undefined && check(value) },
    },
    options,
  );
}

export const isString = (value: unknown): boolean => typeof value === 'string';

export const isNullableString = (value: unknown): boolean =>
  value === null || typeof value === 'string';

export const isBoolean = (value: unknown): boolean => typeof value === 'boolean';

export const isNullableBoolean = (value: unknown): boolean =>
  value === null || typeof value === 'boolean';
