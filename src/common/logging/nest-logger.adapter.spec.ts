import { Writable } from 'node:stream';

import pino from 'pino';
import { NestPinoAdapter } from 'src/common/logging/nest-logger.adapter';

function capture(): { adapter: NestPinoAdapter; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const adapter = new NestPinoAdapter(pino({ level: 'trace' }, sink));
  const lines = (): Record<string, unknown>[] =>
    chunks
      .join('')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { adapter, lines };
}

describe('NestPinoAdapter', () => {
  it("writes Nest's message with its context as a pino line", async () => {
    const { adapter, lines } = capture();
    adapter.log('Nest application successfully started', 'NestApplication');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines()).toEqual([
      expect.objectContaining({
        level: 30,
        context: 'NestApplication',
        msg: 'Nest application successfully started',
      }),
    ]);
  });

  it('keeps the stack Nest passes with an error', async () => {
    const { adapter, lines } = capture();
    adapter.error('it broke', 'Error: it broke\n    at x', 'TypeOrmModule');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines()[0]).toMatchObject({
      level: 50,
      context: 'TypeOrmModule',
      msg: 'it broke',
      err: { stack: 'Error: it broke\n    at x' },
    });
  });

  it("logs Nest's ExceptionHandler copy of a failed start at debug only", async () => {
    const { adapter, lines } = capture();
    adapter.error('boom', 'Error: boom', 'ExceptionHandler');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines()[0]).toMatchObject({ level: 20, context: 'ExceptionHandler' });
  });
});
