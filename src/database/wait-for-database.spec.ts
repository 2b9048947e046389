import { createServer } from 'node:net';

import { ConfigurationError, problemLine } from 'src/config/configuration-error';
import { waitForDatabase } from 'src/database/wait-for-database';

/** A port nothing listens on: opened, then closed again. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address !== null ? address.port : 1);
      });
    });
  });
}

describe('waitForDatabase', () => {
  it('gives up after its window with one line naming DATABASE_URL, password redacted', async () => {
    const port = await closedPort();
    const started = Date.now();
    const failure = await waitForDatabase(
      `postgresql://pk:hunter2@127.0.0.1:${port}/pk`,
      1500,
    ).then(
      () => undefined,
      (error: unknown) => error,
    );
    const elapsed = Date.now() - started;
    expect(failure).toBeInstanceOf(ConfigurationError);
    const [line, ...rest] = (failure as ConfigurationError).problems.map(problemLine);
    expect(rest).toEqual([]);
    expect(line).toMatch(
      new RegExp(`^DATABASE_URL=postgresql://pk:\\*\\*\\*@127\\.0\\.0\\.1:${port}/pk: `),
    );
    expect(line).toContain('ECONNREFUSED');
    expect(line).not.toContain('hunter2');
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(5000);
  });
});
