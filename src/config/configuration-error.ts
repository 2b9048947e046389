/** One setting that stops the server from starting, and what the operator should do about it. */
export interface ConfigurationProblem {
  variable: string;
  /** The value as set, secrets already redacted (see redact.ts); undefined when unset. */
  value: string | undefined;
  problem: string;
  fix: string;
}

/** `PORT=abc: must be a whole number from 0 to 65535. Set PORT to …` — one line per problem. */
export function problemLine(problem: ConfigurationProblem): string {
  const setting =
    problem.value === undefined
      ? `${problem.variable} (unset)`
      : `${problem.variable}=${problem.value}`;
  return `${setting}: ${problem.problem}. ${problem.fix}`;
}

/**
 * A start-up failure caused by the environment rather than by the code: main.ts logs each
 * problem as one line and exits non-zero, without a stack trace (there is no bug to trace).
 */
export class ConfigurationError extends Error {
  constructor(readonly problems: readonly ConfigurationProblem[]) {
    super(
      `Invalid environment configuration:\n${problems.map((p) => `  - ${p.variable}: ${problemLine(p)}`).join('\n')}`,
    );
    this.name = 'ConfigurationError';
  }
}
