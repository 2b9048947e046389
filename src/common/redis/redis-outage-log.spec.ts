import type { Logger } from '@nestjs/common';
import { isRedisConnectionError, RedisOutageLog } from 'src/common/redis/redis-outage-log';

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), {
  code: 'ECONNREFUSED',
});

function setup(): { log: RedisOutageLog; warn: jest.Mock; info: jest.Mock } {
  const warn = jest.fn();
  const info = jest.fn();
  const logger = { warn, log: info } as unknown as Logger;
  return { log: new RedisOutageLog(logger, 'rate limiting off', 'rate limiting on'), warn, info };
}

describe('RedisOutageLog', () => {
  it('warns once however many reconnections fail, and says once when it is back', () => {
    const { log, warn, info } = setup();
    for (let i = 0; i < 30; i++) log.lost(refused);
    expect(warn.mock.calls).toEqual([
      [
        'Redis unreachable (connect ECONNREFUSED 127.0.0.1:6379): rate limiting off until it is back',
      ],
    ]);
    expect(log.isDown).toBe(true);
    expect(log.reason).toBe('ECONNREFUSED');
    log.restored();
    log.restored();
    expect(info.mock.calls).toEqual([['Redis reachable again: rate limiting on']]);
    expect(log.isDown).toBe(false);
    expect(log.reason).toBeUndefined();
  });

  it('says nothing when a connection that never failed becomes ready', () => {
    const { log, warn, info } = setup();
    log.restored();
    expect(warn).not.toHaveBeenCalled();
    expect(info).not.toHaveBeenCalled();
  });

  it('warns again for a second outage', () => {
    const { log, warn } = setup();
    log.lost(refused);
    log.restored();
    log.lost(refused);
    expect(warn).toHaveBeenCalledTimes(2);
  });
});

describe('isRedisConnectionError', () => {
  it.each([
    [refused, true],
    [Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), true],
    [new Error('Connection is closed.'), true],
    [Object.assign(new Error('ERR unknown command'), { code: 'ERR' }), false],
    [new Error('NOSCRIPT No matching script'), false],
    ['a string', false],
  ])('%p: %p', (error, expected) => {
    expect(isRedisConnectionError(error)).toBe(expected);
  });
});
