import { isConnectionFailure } from 'src/common/errors/connection-failure';
import { QueryFailedError } from 'typeorm';

const pgError = (code: string, message = 'server error'): Error =>
  Object.assign(new Error(message), { code });
const wrapped = (error: Error): QueryFailedError => new QueryFailedError('SELECT 1', [], error);

describe('isConnectionFailure', () => {
  it.each([
    [
      'connection refused',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ],
    ['connection reset', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['admin shutdown (57P01)', wrapped(pgError('57P01', 'terminating connection'))],
    ['crash shutdown (57P02)', wrapped(pgError('57P02'))],
    ['cannot connect now (57P03)', pgError('57P03', 'the database system is starting up')],
    ['too many connections (53300)', pgError('53300')],
    ['connection failure (08006)', pgError('08006')],
    ['connection lost mid-query', wrapped(new Error('Connection terminated unexpectedly'))],
    ['pool acquire timeout', new Error('timeout exceeded when trying to connect')],
    [
      'connect timeout chained by pg-pool',
      new Error('Connection terminated due to connection timeout', {
        cause: new Error('timeout expired'),
      }),
    ],
    [
      'a broken pooled client',
      wrapped(new Error('Client has encountered a connection error and is not queryable')),
    ],
  ])('is true for %s', (_label, error) => {
    expect(isConnectionFailure(error)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', wrapped(pgError('23505', 'duplicate key value'))],
    ['an integer out of range (22003)', wrapped(pgError('22003'))],
    ['invalid text for a type (22P02)', wrapped(pgError('22P02'))],
    ['a NUL byte in text (22021)', wrapped(pgError('22021'))],
    ['a protocol violation (08P01)', wrapped(pgError('08P01'))],
    ['a serialization failure (40001)', wrapped(pgError('40001'))],
    ['a plain error', new Error('workout 3 vanished')],
    ['no error at all', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('is false for %s', (_label, error) => {
    expect(isConnectionFailure(error)).toBe(false);
  });

  it('stops following a cycle of causes', () => {
    const error: Error & { cause?: unknown } = new Error('outer');
    error.cause = error;
    expect(isConnectionFailure(error)).toBe(false);
  });
});
