import { installProcessErrorHandlers } from 'src/common/process/process-error-handlers';

describe('process error handlers', () => {
  const logger = { error: jest.fn(), fatal: jest.fn() };
  const exit = jest.fn();
  let handlers: ReturnType<typeof installProcessErrorHandlers>;

  beforeEach(() => {
    jest.resetAllMocks();
    handlers = installProcessErrorHandlers(logger, exit);
  });
  afterEach(() => {
    handlers.uninstall();
  });

  it('logs an unhandled rejection as an error with its reason, and keeps the process', () => {
    const reason = new Error('nobody awaited me');
    // Emitted directly: jest fails a test on a real unhandled rejection before listeners run.
    process.emit('unhandledRejection', reason, Promise.resolve());

    expect(logger.error).toHaveBeenCalledWith(
      { err: reason },
      expect.stringMatching(/^UNHANDLED PROMISE REJECTION/),
    );
    expect(exit).not.toHaveBeenCalled();
  });

  it('logs an uncaught exception as fatal, then exits with status 1', () => {
    const error = new Error('thrown outside any handler');
    const listener = process.listeners('uncaughtException').at(-1);
    listener?.(error, 'uncaughtException');

    expect(logger.fatal).toHaveBeenCalledWith(
      { err: error, origin: 'uncaughtException' },
      expect.stringMatching(/^UNCAUGHT EXCEPTION/),
    );
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('removes its listeners on uninstall', () => {
    const before = process.listenerCount('unhandledRejection');
    handlers.uninstall();

    expect(process.listenerCount('unhandledRejection')).toBe(before - 1);
    handlers = installProcessErrorHandlers(logger, exit);
  });
});
