import { RateLimitError } from 'src/common/errors/http-errors';
import { CredentialAttemptsService } from 'src/common/rate-limit/credential-attempts.service';
import { MemoryAttemptCounters } from 'src/common/rate-limit/memory-attempt-counters';
import { parseRateLimits } from 'src/common/rate-limit/rate-limits';

const service = (perAccount = '3 per minute', perIp = '5 per minute'): CredentialAttemptsService =>
  new CredentialAttemptsService(
    { perAccount: parseRateLimits(perAccount), perIp: parseRateLimits(perIp) },
    new MemoryAttemptCounters(),
  );

async function failPassword(s: CredentialAttemptsService, account: string, ip: string) {
  const attempt = await s.beginPasswordCheck({ account, ip });
  await attempt.failed();
}

const refusal = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'allowed',
    (error: unknown) => error,
  );

describe('CredentialAttemptsService', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  describe('password checks', () => {
    it('refuses an account over its failures from any address, with the limit and the wait', async () => {
      const s = service();
      for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) await failPassword(s, 'user:a', ip);
      const error = await refusal(s.beginPasswordCheck({ account: 'user:a', ip: '10.0.0.4' }));
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).body).toEqual({
        message: 'rate limit exceeded (3 per 1 minute)',
      });
      expect((error as RateLimitError).headers['Retry-After']).toMatch(/^(59|60)$/);
      expect(await refusal(s.beginPasswordCheck({ account: 'user:b', ip: '10.0.0.4' }))).toBe(
        'allowed',
      );
    });

    it('refuses an address over its failures whatever the account', async () => {
      const s = service();
      for (let i = 0; i < 5; i += 1) await failPassword(s, `user:${String(i)}`, '10.0.0.9');
      const error = await refusal(s.beginPasswordCheck({ account: 'user:new', ip: '10.0.0.9' }));
      expect((error as RateLimitError).body).toEqual({
        message: 'rate limit exceeded (5 per 1 minute)',
      });
    });

    it('counts only failures: successes and abandoned checks take their hit back', async () => {
      const s = service();
      for (let i = 0; i < 10; i += 1) {
        const attempt = await s.beginPasswordCheck({ account: 'user:a', ip: '10.0.0.1' });
        await (i % 2 === 0 ? attempt.succeeded() : attempt.abandoned());
      }
      await failPassword(s, 'user:a', '10.0.0.1');
      await failPassword(s, 'user:a', '10.0.0.1');
      expect(await refusal(s.beginPasswordCheck({ account: 'user:a', ip: '10.0.0.1' }))).toBe(
        'allowed',
      );
    });

    it('lets no more concurrent checks through than the limit', async () => {
      const s = service('10 per minute', '100 per minute');
      const outcomes = await Promise.all(
        Array.from({ length: 40 }, () =>
          refusal(s.beginPasswordCheck({ account: 'user:a', ip: '10.0.0.1' })),
        ),
      );
      expect(outcomes.filter((o) => o === 'allowed')).toHaveLength(10);
    });

    it('keeps letting the owner in from an address where the account signed in before', async () => {
      const s = service();
      await (await s.beginPasswordCheck({ account: 'user:a', ip: '192.0.2.1' })).succeeded();
      for (let i = 0; i < 3; i += 1) await failPassword(s, 'user:a', `10.0.0.${String(i)}`);
      expect(
        await refusal(s.beginPasswordCheck({ account: 'user:a', ip: '10.0.0.7' })),
      ).toBeInstanceOf(RateLimitError);
      expect(await refusal(s.beginPasswordCheck({ account: 'user:a', ip: '192.0.2.1' }))).toBe(
        'allowed',
      );
    });

    it('lifts the lock when the window ends', async () => {
      jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
      const s = service();
      for (let i = 0; i < 3; i += 1) await failPassword(s, 'user:a', '10.0.0.1');
      expect(
        await refusal(s.beginPasswordCheck({ account: 'user:a', ip: '10.0.0.1' })),
      ).toBeInstanceOf(RateLimitError);
      jest.setSystemTime(new Date('2026-01-01T00:01:00.001Z'));
      expect(await refusal(s.beginPasswordCheck({ account: 'user:a', ip: '10.0.0.1' }))).toBe(
        'allowed',
      );
    });
  });

  describe('secret checks', () => {
    it('turns failures over the account limit into 429s but lets the right secret through', async () => {
      const s = service('3 per minute', '100 per minute');
      const outcomes: unknown[] = [];
      for (let i = 0; i < 5; i += 1) {
        const attempt = await s.beginSecretCheck({
          account: 'client:x',
          ip: `10.0.0.${String(i)}`,
        });
        outcomes.push(await refusal(attempt.failed()));
      }
      expect(outcomes.slice(0, 3)).toEqual(['allowed', 'allowed', 'allowed']);
      expect(outcomes[3]).toBeInstanceOf(RateLimitError);
      expect(outcomes[4]).toBeInstanceOf(RateLimitError);
      const right = await s.beginSecretCheck({ account: 'client:x', ip: '10.0.0.9' });
      expect(await refusal(right.succeeded())).toBe('allowed');
    });

    it('refuses an address over its failures before the check', async () => {
      const s = service('100 per minute', '2 per minute');
      for (let i = 0; i < 2; i += 1)
        await (
          await s.beginSecretCheck({ account: `client:${String(i)}`, ip: '10.0.0.1' })
        ).failed();
      expect(
        await refusal(s.beginSecretCheck({ account: 'client:z', ip: '10.0.0.1' })),
      ).toBeInstanceOf(RateLimitError);
    });
  });

  it('counts every request that sends an email, per account and per address', async () => {
    const s = service('2 per minute', '3 per minute');
    await s.countRequest('reset', { account: 'user:a', ip: '10.0.0.1' });
    await s.countRequest('reset', { account: 'user:a', ip: '10.0.0.2' });
    expect(
      await refusal(s.countRequest('reset', { account: 'user:a', ip: '10.0.0.3' })),
    ).toBeInstanceOf(RateLimitError);
    await s.countRequest('reset', { account: 'user:b', ip: '10.0.0.1' });
    await s.countRequest('reset', { account: 'user:c', ip: '10.0.0.1' });
    expect(
      await refusal(s.countRequest('reset', { account: 'user:d', ip: '10.0.0.1' })),
    ).toBeInstanceOf(RateLimitError);
  });
});
