import type { ConfigService } from '@nestjs/config';
import type { AppConfig } from 'src/config/configuration';
import type { OAuth2GrantsService } from 'src/oauth2/connected-apps/oauth2-grants.service';
import type { OAuth2Token } from 'src/oauth2/tokens/oauth2-token.entity';
import { OAuth2TokensService } from 'src/oauth2/tokens/oauth2-tokens.service';
import type { User } from 'src/users/user.entity';
import type { Repository } from 'typeorm';

function setup(isInForce: boolean) {
  const tokens = {
    create: jest.fn((entity: Partial<OAuth2Token>) => entity),
    save: jest.fn((entity: Partial<OAuth2Token>) => Promise.resolve({ ...entity, id: 7 })),
    update: jest.fn(() => Promise.resolve({ affected: 1 })),
  };
  const grants = {
    confirmInForce: jest.fn(() => Promise.resolve(isInForce)),
    ensure: jest.fn(() => Promise.resolve()),
  };
  const config = { get: jest.fn(() => 864000) };
  const service = new OAuth2TokensService(
    tokens as unknown as Repository<OAuth2Token>,
    {} as Repository<User>,
    config as unknown as ConfigService<AppConfig, true>,
    grants as unknown as OAuth2GrantsService,
  );
  return { service, tokens, grants };
}

const PAIR = {
  accessToken: 'a',
  refreshToken: 'r',
  clientId: 3,
  userId: 5,
  scope: 'workouts:read profile:read',
  authorizationCodeId: null,
};

describe('OAuth2TokensService.issueWithinGrant', () => {
  it('keeps the pair while the grant stands', async () => {
    const { service, tokens, grants } = setup(true);
    expect(await service.issueWithinGrant(PAIR, true)).not.toBeNull();
    expect(grants.confirmInForce).toHaveBeenCalledWith(5, 3);
    expect(tokens.update).not.toHaveBeenCalled();
  });

  it('revokes the new pair when the grant was revoked meanwhile', async () => {
    const { service, tokens, grants } = setup(false);
    expect(await service.issueWithinGrant(PAIR, true)).toBeNull();
    expect(tokens.update).toHaveBeenCalledWith(
      expect.objectContaining({ id: 7 }),
      expect.objectContaining({ accessTokenRevokedAt: expect.any(Date) }),
    );
    expect(grants.ensure).not.toHaveBeenCalled();
  });

  it('creates the grant no consent recorded', async () => {
    const { service, tokens, grants } = setup(false);
    expect(await service.issueWithinGrant(PAIR, false)).not.toBeNull();
    expect(grants.ensure).toHaveBeenCalledWith(5, 3, ['profile:read', 'workouts:read']);
    expect(tokens.update).not.toHaveBeenCalled();
  });
});
