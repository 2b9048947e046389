import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PersonalAccessToken } from 'src/auth/personal-tokens/personal-access-token.entity';
import { PersonalAccessTokenStrategy } from 'src/auth/personal-tokens/personal-access-token.strategy';
import { PersonalAccessTokenLookup } from 'src/auth/personal-tokens/personal-access-token-lookup';
import { PersonalAccessTokensController } from 'src/auth/personal-tokens/personal-access-tokens.controller';
import { PersonalAccessTokensService } from 'src/auth/personal-tokens/personal-access-tokens.service';

/** Personal access tokens (docs/oauth2.md#personal-access-tokens): endpoints and bearer strategy. */
@Module({
  imports: [PassportModule, TypeOrmModule.forFeature([PersonalAccessToken])],
  controllers: [PersonalAccessTokensController],
  providers: [PersonalAccessTokensService, PersonalAccessTokenLookup, PersonalAccessTokenStrategy],
})
export class PersonalAccessTokensModule {}
