import type { ValidatorOptions } from 'class-validator';

/**
 * Unknown keys are dropped silently, as FitTrackee ignores them; values are not
 * coerced, so `"10"` for a number is a wrong type.
 */
export const VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidUnknownValues: false,
  stopAtFirstError: true,
};
