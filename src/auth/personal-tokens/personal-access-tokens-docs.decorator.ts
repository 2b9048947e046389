import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse } from '@nestjs/swagger';
import {
  PersonalAccessTokenDataDto,
  PersonalAccessTokenListDataDto,
  type PersonalAccessTokenResponseDto,
} from 'src/auth/personal-tokens/dto/personal-access-token-response.dto';
import { PersonalAccessToken } from 'src/auth/personal-tokens/personal-access-token.entity';
import { MAX_EXPIRY_DAYS } from 'src/auth/personal-tokens/personal-access-token-request';
import { MAX_TOKENS_PER_USER } from 'src/auth/personal-tokens/personal-access-tokens.service';
import { ALL_SCOPES } from 'src/auth/scopes';
import { ApiEnvelopeResponse } from 'src/common/envelope/api-envelope-response.decorator';
import { ApiErrors, ENVELOPE_ERROR_SCHEMA } from 'src/common/openapi/api-error-responses.decorator';
import { columnLength } from 'src/common/validation/column-length';

const FIRST_PARTY =
  'First-party tokens only: an OAuth2 access token or a personal access token gets 403 ' +
  '`insufficient_scope`. Not part of FitTrackee.';

const TOKEN_EXAMPLE = {
  id: 7,
  name: 'Upload script',
  scope: 'workouts:read workouts:write',
  created_at: 'Thu, 03 Dec 2026 16:20:00 GMT',
  last_used_at: 'Fri, 04 Dec 2026 07:45:00 GMT',
  expires_at: 'Tue, 02 Mar 2027 16:20:00 GMT',
} satisfies PersonalAccessTokenResponseDto;

const NOT_FOUND = 'personal access token not found';

const operation = (summary: string, description: string): MethodDecorator =>
  ApiOperation({ summary, description: `${description} ${FIRST_PARTY}` });

/** `GET /api/auth/tokens`. */
export const ApiListPersonalAccessTokens = (): MethodDecorator =>
  applyDecorators(
    operation(
      'List the user’s personal access tokens',
      'Every token of the caller, newest first, expired ones included; never the secret.',
    ),
    ApiEnvelopeResponse(PersonalAccessTokenListDataDto, {
      description: 'The tokens.',
      example: { status: 'success', data: { tokens: [TOKEN_EXAMPLE] } },
    }),
  );

/** `POST /api/auth/tokens`. */
export const ApiCreatePersonalAccessToken = (): MethodDecorator =>
  applyDecorators(
    operation(
      'Create a personal access token',
      'A token for the caller’s own scripts, sent as `Authorization: Bearer pk_pat_…` and ' +
        'treated like an OAuth2 access token with the chosen scopes. The answer is the only ' +
        `one that carries the secret (\`access_token\`): store it. At most ${MAX_TOKENS_PER_USER} ` +
        'tokens per user.',
    ),
    ApiBody({
      schema: {
        type: 'object',
        required: ['name', 'scope'],
        properties: {
          name: {
            type: 'string',
            minLength: 1,
            maxLength: columnLength(PersonalAccessToken, 'name'),
            description: 'What the token is for; shown in the list.',
          },
          scope: {
            type: 'string',
            description: `Space-separated scopes, one or more of: ${ALL_SCOPES.join(', ')}.`,
          },
          expires_in_days: {
            type: 'integer',
            minimum: 1,
            maximum: MAX_EXPIRY_DAYS,
            nullable: true,
            description: 'Lifetime in days; absent or null: the token never expires.',
          },
        },
        example: {
          name: 'Upload script',
          scope: 'workouts:read workouts:write',
          expires_in_days: 90,
        },
      },
    }),
    ApiEnvelopeResponse(PersonalAccessTokenDataDto, {
      status: 201,
      description: 'The new token, with its secret.',
      example: {
        status: 'created',
        data: {
          token: {
            ...TOKEN_EXAMPLE,
            last_used_at: null,
            access_token: 'pk_pat_Xq3vT8mN2kR6tY1wB9cF4hJ7lZ0sD5gA3eU1bK9x2',
          },
        },
      },
    }),
    ApiErrors({
      400:
        '`invalid payload` (no JSON object body), `personal access token name must be a ' +
        'non-empty string`, `name: 100 characters maximum`, `personal access token scope must ' +
        'be one or more space-separated scopes` (missing, empty or an unknown word), ' +
        `\`expires_in_days must be an integer from 1 to ${MAX_EXPIRY_DAYS}, or null for no ` +
        `expiry\`, or \`personal access tokens limit reached (${MAX_TOKENS_PER_USER} per ` +
        'user): revoke one first`.',
    }),
  );

/** `DELETE /api/auth/tokens/{id}`. */
export const ApiRevokePersonalAccessToken = (): MethodDecorator =>
  applyDecorators(
    operation(
      'Revoke a personal access token',
      'Deletes the token: from then on it is refused with 401 `invalid_token`.',
    ),
    ApiParam({
      name: 'id',
      description:
        'The token’s `id`. A value that is not a positive integer answers 404, as an unknown id.',
      schema: { type: 'integer' },
      example: 7,
    }),
    ApiResponse({ status: 204, description: 'Revoked; no body.' }),
    ApiResponse({
      status: 404,
      description: `\`${NOT_FOUND}\`: the caller has no token with this id.`,
      schema: ENVELOPE_ERROR_SCHEMA,
      example: { status: 'not found', message: NOT_FOUND },
    }),
  );
