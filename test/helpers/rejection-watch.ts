import { runInThisContext } from 'node:vm';

/**
 * The process Node reports unhandled rejections on. Jest runs each test file in a VM context
 * whose `process` is a copy with its own listeners; the real one is the global of the main
 * context.
 */
const hostProcess = runInThisContext('process') as NodeJS.Process;

export interface RejectionWatch {
  /** Reasons of the rejections nothing handled since the watch started. */
  readonly reasons: unknown[];
  stop(): void;
}

/** Records every unhandled rejection of the process until `stop`. */
export function watchUnhandledRejections(): RejectionWatch {
  const reasons: unknown[] = [];
  const listener = (reason: unknown): void => {
    reasons.push(reason);
  };
  hostProcess.on('unhandledRejection', listener);
  return {
    reasons,
    stop: () => {
      hostProcess.off('unhandledRejection', listener);
    },
  };
}

/** Lets promise jobs and timers of a just-finished request run (a rejection is reported then). */
export function settle(ms = 50): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
