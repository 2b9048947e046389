import type { FuzzOperation } from 'test/helpers/fuzz/fuzz-operations';
import type { FuzzRequest } from 'test/helpers/fuzz/fuzz-requests';

/**
 * 5xx answers the fuzzer still finds in areas fixed elsewhere (file contents, figures, uploads,
 * tile proxy). Each entry names its reproduction; the list must shrink to nothing.
 */
interface KnownOpen {
  reproduction: string;
  matches(operation: FuzzOperation, fuzz: FuzzRequest, status: number): boolean;
}

export const KNOWN_OPEN: readonly KnownOpen[] = [];

export function knownOpenCase(
  operation: FuzzOperation,
  fuzz: FuzzRequest,
  status: number,
): string | undefined {
  return KNOWN_OPEN.find((entry) => entry.matches(operation, fuzz, status))?.reproduction;
}
