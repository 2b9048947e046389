import { StreamableFile } from '@nestjs/common';
import { markEnvelope, useEnvelope } from 'src/common/envelope/envelope.reply';
import { paginated, topLevel } from 'src/common/envelope/envelope.types';

describe('useEnvelope', () => {
  const sent: unknown[] = [];
  const adapter = {
    reply: (_response: unknown, body: unknown): unknown => sent.push(body),
  };
  useEnvelope(adapter);
  const reply = (kind: Parameters<typeof markEnvelope>[1] | undefined, body: unknown): unknown => {
    const response = {};
    if (kind !== undefined) markEnvelope(response, kind);
    adapter.reply(response, body);
    return sent.at(-1);
  };

  it('wraps data, pages and top-level fields under the status', () => {
    expect(reply('success', { a: 1 })).toEqual({ status: 'success', data: { a: 1 } });
    expect(reply('created', paginated([1], { page: 1 } as never))).toEqual({
      status: 'created',
      data: [1],
      pagination: { page: 1 },
    });
    expect(reply('success', topLevel({ message: 'pong!' }))).toEqual({
      status: 'success',
      message: 'pong!',
    });
    expect(reply('success', undefined)).toEqual({ status: 'success' });
  });

  it('sends no body for 204, files as they are, and unmarked responses untouched', () => {
    expect(reply('empty', { a: 1 })).toBeUndefined();
    const file = new StreamableFile(Buffer.from('x'));
    expect(reply('success', file)).toBe(file);
    expect(reply(undefined, { access_token: 't' })).toEqual({ access_token: 't' });
  });
});
