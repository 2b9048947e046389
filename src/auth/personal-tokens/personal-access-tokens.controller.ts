import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, FirstPartyOnly } from 'src/auth/decorators';
import type { PersonalAccessTokenResponseDto } from 'src/auth/personal-tokens/dto/personal-access-token-response.dto';
import { PersonalAccessTokensService } from 'src/auth/personal-tokens/personal-access-tokens.service';
import {
  ApiCreatePersonalAccessToken,
  ApiListPersonalAccessTokens,
  ApiRevokePersonalAccessToken,
} from 'src/auth/personal-tokens/personal-access-tokens-docs.decorator';
import type { User } from 'src/users/user.entity';

/**
 * `/api/auth/tokens`: the user's personal access tokens (docs/oauth2.md#personal-access-tokens), for
 * first-party tokens only, so that no token can mint or revoke another.
 */
@ApiTags('auth')
@Controller('auth/tokens')
export class PersonalAccessTokensController {
  constructor(private readonly service: PersonalAccessTokensService) {}

  @Get()
  @FirstPartyOnly()
  @ApiListPersonalAccessTokens()
  list(@CurrentUser() user: User): Promise<{ tokens: PersonalAccessTokenResponseDto[] }> {
    return this.service.list(user);
  }

  @Post()
  @FirstPartyOnly()
  @HttpCode(201)
  // The answer carries a secret (as RFC 6749 §5.1 for token responses).
  @Header('Cache-Control', 'no-store')
  @ApiCreatePersonalAccessToken()
  create(
    @CurrentUser() user: User,
    @Body() body: unknown,
  ): Promise<{ token: PersonalAccessTokenResponseDto }> {
    return this.service.create(user, body);
  }

  @Delete(':id')
  @FirstPartyOnly()
  @HttpCode(204)
  @ApiRevokePersonalAccessToken()
  remove(@CurrentUser() user: User, @Param('id') id: string): Promise<void> {
    return this.service.remove(user, id);
  }
}
