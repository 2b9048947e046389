import type { INestApplicationContext } from '@nestjs/common';
import { CliError } from 'src/cli/cli-output';
import { cleanExpiredTokens } from 'src/cli/commands/clean-expired-tokens';
import { naturalSize } from 'src/cli/natural-size';
import { parseBoolean, parseInteger } from 'src/cli/parse-options';
import { BLACKLISTED_TOKENS_CLEANER } from 'src/users/maintenance/token-cleaners';

describe('naturalSize (humanize.naturalsize)', () => {
  it.each([
    [0, '0 Bytes'],
    [1, '1 Byte'],
    [999, '999 Bytes'],
    [1000, '1.0 kB'],
    [1500, '1.5 kB'],
    [2_500_000, '2.5 MB'],
    [3_000_000_000, '3.0 GB'],
  ])('%d → %s', (bytes, text) => {
    expect(naturalSize(bytes)).toBe(text);
  });
});

describe('option parsers (click int / bool)', () => {
  it.each([
    ['7', 7],
    [' 0 ', 0],
    ['-3', -3],
  ])('parses integer %p', (value, expected) => {
    expect(parseInteger(value)).toBe(expected);
  });

  it.each(['x', '1.5', ''])('refuses integer %p', (value) => {
    expect(() => parseInteger(value)).toThrow(`'${value}' is not a valid integer.`);
  });

  it.each([
    ['true', true],
    ['YES', true],
    ['1', true],
    ['f', false],
    ['Off', false],
    ['0', false],
  ])('parses boolean %p', (value, expected) => {
    expect(parseBoolean(value)).toBe(expected);
  });

  it('refuses another boolean word', () => {
    expect(() => parseBoolean('maybe')).toThrow("'maybe' is not a valid boolean.");
  });
});

describe('cleanExpiredTokens', () => {
  const contextWith = (provider: unknown): INestApplicationContext =>
    ({
      get: jest.fn(() => {
        if (provider === undefined) throw new Error('not found');
        return provider;
      }),
    }) as unknown as INestApplicationContext;

  it('runs the cleaner a feature provides', async () => {
    const cleaner = { cleanExpired: jest.fn().mockResolvedValue(4) };
    const app = contextWith(cleaner);
    await expect(cleanExpiredTokens(app, BLACKLISTED_TOKENS_CLEANER, 'x', 3)).resolves.toBe(4);
    expect(cleaner.cleanExpired).toHaveBeenCalledWith(3);
    expect(app.get).toHaveBeenCalledWith(BLACKLISTED_TOKENS_CLEANER, { strict: false });
  });

  it('fails clearly without a provider', async () => {
    const run = cleanExpiredTokens(contextWith(undefined), BLACKLISTED_TOKENS_CLEANER, 'things', 3);
    await expect(run).rejects.toEqual(
      new CliError('Cleaning things is not available in this build.'),
    );
  });
});
