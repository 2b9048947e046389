import type { OAuth2Client } from 'src/oauth2/clients/oauth2-client.entity';
import { GrantExchangeModel } from 'src/oauth2/grants/grant-exchange.model';
import type {
  OAuth2AccessTokenLookup,
  UsableAccessToken,
} from 'src/oauth2/strategies/oauth2-access-token-lookup';
import type { OAuth2CodesService } from 'src/oauth2/tokens/oauth2-codes.service';
import type { OAuth2TokensService } from 'src/oauth2/tokens/oauth2-tokens.service';
import type { User } from 'src/users/user.entity';

function modelWith(found: UsableAccessToken | null): {
  model: GrantExchangeModel;
  asked: string[];
} {
  const asked: string[] = [];
  const lookup = {
    find: (token: string) => {
      asked.push(token);
      return Promise.resolve(found);
    },
  } as unknown as OAuth2AccessTokenLookup;
  const model = new GrantExchangeModel(
    { id: 7 } as OAuth2Client,
    {} as OAuth2CodesService,
    {} as OAuth2TokensService,
    lookup,
    600,
  );
  return { model, asked };
}

describe('GrantExchangeModel.getAccessToken', () => {
  it('answers with the token the resource server accepts, its client and user', async () => {
    const { model, asked } = modelWith({
      user: { id: 3 } as User,
      clientId: 7,
      scope: 'workouts:read',
      read: undefined,
    });
    await expect(model.getAccessToken('abc')).resolves.toEqual({
      accessToken: 'abc',
      client: { id: '7', grants: [] },
      user: { id: 3 },
    });
    expect(asked).toEqual(['abc']);
  });

  it('answers null for a token the resource server refuses', async () => {
    await expect(modelWith(null).model.getAccessToken('revoked')).resolves.toBeNull();
  });
});
