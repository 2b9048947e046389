/**
 * An option value commander reports as `error: option '--days <days>' argument 'x' is
 * invalid. …` (it recognises the code, as for its own InvalidArgumentError).
 */
class InvalidOptionValueError extends Error {
  readonly code = 'commander.invalidArgument';
  readonly exitCode = 2;
}

/** click's `type=int`. */
export function parseInteger(value: string): number {
  if (!/^\s*[-+]?\d+\s*$/.test(value))
    throw new InvalidOptionValueError(`'${value}' is not a valid integer.`);
  return Number(value);
}

const TRUE_VALUES = ['1', 'true', 't', 'yes', 'y', 'on'];
const FALSE_VALUES = ['0', 'false', 'f', 'no', 'n', 'off'];

/** click's `type=bool`: true/false, 1/0, yes/no, y/n, t/f, on/off, any case. */
export function parseBoolean(value: string): boolean {
  const normalized = value.trim().toLowerCase();
  if (TRUE_VALUES.includes(normalized)) return true;
  if (FALSE_VALUES.includes(normalized)) return false;
  throw new InvalidOptionValueError(`'${value}' is not a valid boolean.`);
}
