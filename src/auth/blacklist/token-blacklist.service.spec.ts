import type { BlacklistedToken } from 'src/auth/blacklist/blacklisted-token.entity';
import { TokenBlacklistService } from 'src/auth/blacklist/token-blacklist.service';
import { hashToken } from 'src/users/secrets';
import type { Repository } from 'typeorm';
import { LessThan } from 'typeorm';

describe('TokenBlacklistService', () => {
  const repository = {
    existsBy: jest.fn(),
    delete: jest.fn(),
  };
  const service = new TokenBlacklistService(repository as unknown as Repository<BlacklistedToken>);

  beforeEach(() => {
    jest.resetAllMocks();
  });

  it('looks a token up by its SHA-256 hash, never in clear', async () => {
    repository.existsBy.mockResolvedValue(true);
    expect(await service.isBlacklisted('a.b.c')).toBe(true);
    expect(repository.existsBy).toHaveBeenCalledWith({ tokenHash: hashToken('a.b.c') });
    expect(hashToken('a.b.c')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('purges rows whose exp is older than N days (clean_tokens)', async () => {
    repository.delete.mockResolvedValue({ affected: 4, raw: [] });
    const now = new Date('2026-01-31T00:00:00Z');
    expect(await service.purgeExpiredBefore(30, now)).toBe(4);
    const limit = Math.floor(now.getTime() / 1000) - 30 * 86400;
    expect(repository.delete).toHaveBeenCalledWith({ expiredAt: LessThan(limit) });
  });
});
