import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { ApiEnvelopeResponse } from 'src/common/envelope/api-envelope-response.decorator';
import { ApiErrors, ENVELOPE_ERROR_SCHEMA } from 'src/common/openapi/api-error-responses.decorator';
import {
  OAuth2ClientDataDto,
  OAuth2ClientListDataDto,
  OAuth2StatusResponseDto,
} from 'src/oauth2/clients/dto/oauth2-client-data.dto';
import type { OAuth2ClientResponseDto } from 'src/oauth2/clients/dto/oauth2-client-response.dto';

const FIRST_PARTY =
  'First-party tokens only: an OAuth2 access token gets 403 `insufficient_scope`. Only the ' +
  'caller’s own clients are visible; another user’s client answers 404.';

const CLIENT_EXAMPLE = {
  client_description: 'Uploads rides from my bike computer.',
  client_id: 'hVL8Hw0sY1zB4sW9kQdJ2xTf',
  id: 3,
  issued_at: 'Thu, 14 July 2022 06:27:53 GMT',
  name: 'Ride sync',
  redirect_uris: ['https://ridesync.example.com/callback'],
  scope: 'profile:read workouts:read workouts:write',
  website: 'https://ridesync.example.com',
} satisfies OAuth2ClientResponseDto;

const NOT_FOUND = 'OAuth2 client not found';

/** The 404 of a client id or numeric id that is unknown, not the caller's, or malformed. */
const clientNotFound = (parameter: string): MethodDecorator =>
  ApiResponse({
    status: 404,
    description: `\`${NOT_FOUND}\`: no client of the caller has this ${parameter}.`,
    schema: ENVELOPE_ERROR_SCHEMA,
    example: { status: 'not found', message: NOT_FOUND },
  });

const numericId = (): MethodDecorator =>
  ApiParam({
    name: 'id',
    description:
      'The client’s numeric `id` (not its `client_id`). A value that is not a positive ' +
      'integer answers 404, as an unknown id.',
    schema: { type: 'integer' },
    example: 3,
  });

const operation = (summary: string, description: string): MethodDecorator =>
  ApiOperation({ summary, description: `${description} ${FIRST_PARTY}` });

/** FitTrackee `GET /api/oauth/apps`. */
export const ApiListClients = (): MethodDecorator =>
  applyDecorators(
    operation(
      'List the user’s OAuth2 clients',
      'Five clients per page, newest first (FitTrackee `GET /api/oauth/apps`); no secret.',
    ),
    ApiQuery({
      name: 'page',
      required: false,
      description: 'Page number, from 1 (the default); a value below 1 reads page 1.',
      schema: { type: 'integer', default: 1 },
    }),
    ApiEnvelopeResponse(OAuth2ClientListDataDto, {
      isPaginated: true,
      description: 'One page of clients.',
      example: {
        status: 'success',
        data: { clients: [CLIENT_EXAMPLE] },
        pagination: { has_next: false, has_prev: false, page: 1, pages: 1, total: 1 },
      },
    }),
    ApiErrors({ 400: '`invalid payload`: `page` is not an integer.' }),
  );

/** FitTrackee `POST /api/oauth/apps`. */
export const ApiCreateClient = (): MethodDecorator =>
  applyDecorators(
    operation(
      'Register an OAuth2 client',
      'Creates a client owned by the caller (FitTrackee `POST /api/oauth/apps`). The answer ' +
        'is the only one that carries `client_secret`: store it. A public client ' +
        '(`token_endpoint_auth_method` `none`) gets no secret. An `Idempotency-Key` makes ' +
        'a retry safe.',
    ),
    ApiEnvelopeResponse(OAuth2ClientDataDto, {
      status: 201,
      description: 'The new client, with its secret.',
      example: {
        status: 'created',
        data: {
          client: {
            ...CLIENT_EXAMPLE,
            client_secret: 'pQ7vX2mN9kR4tY8wB3cF6hJ1lZ5sD0gA2eU7iO4yT9rE6wQ3',
          },
        },
      },
    }),
    ApiErrors({
      400:
        '`OAuth2 client metadata missing` (no JSON object body), `OAuth2 client metadata ' +
        'missing keys: <keys>`, `OAuth2 client invalid scopes`, `OAuth2 client name must be a ' +
        'non-empty string`, `OAuth2 client URI must be a string`, `OAuth2 client description ' +
        'must be a string`, `OAuth2 client redirect_uris must be a non-empty list of URLs`, ' +
        '`OAuth2 client invalid redirect URI "<uri>": <reason>` (a private-use scheme for a ' +
        'confidential client among them), `OAuth2 client token_endpoint_auth_method must be ' +
        '"client_secret_post" or "none"`, `client_name: 255 characters ' +
        'maximum`, or `invalid Idempotency-Key header`.',
    }),
  );

/** FitTrackee `GET /api/oauth/apps/{client_id}`. */
export const ApiGetClientByClientId = (): MethodDecorator =>
  applyDecorators(
    operation(
      'Get an OAuth2 client by its client_id',
      'FitTrackee `GET /api/oauth/apps/<client_id>`; no secret.',
    ),
    ApiParam({
      name: 'client_id',
      description: 'The client’s public `client_id`.',
      schema: { type: 'string' },
      example: CLIENT_EXAMPLE.client_id,
    }),
    ApiEnvelopeResponse(OAuth2ClientDataDto, {
      description: 'The client.',
      example: { status: 'success', data: { client: CLIENT_EXAMPLE } },
    }),
    clientNotFound('`client_id`'),
  );

/** FitTrackee `GET /api/oauth/apps/{id}/by_id`. */
export const ApiGetClientById = (): MethodDecorator =>
  applyDecorators(
    operation(
      'Get an OAuth2 client by its numeric id',
      'FitTrackee `GET /api/oauth/apps/<id>/by_id`; no secret.',
    ),
    numericId(),
    ApiEnvelopeResponse(OAuth2ClientDataDto, {
      description: 'The client.',
      example: { status: 'success', data: { client: CLIENT_EXAMPLE } },
    }),
    clientNotFound('id'),
  );

/** FitTrackee `DELETE /api/oauth/apps/{id}`. */
export const ApiDeleteClient = (): MethodDecorator =>
  applyDecorators(
    operation(
      'Delete an OAuth2 client',
      'Deletes the client with its authorization codes and tokens, which stop working at ' +
        'once (FitTrackee `DELETE /api/oauth/apps/<id>`).',
    ),
    numericId(),
    ApiResponse({ status: 204, description: 'Deleted; no body.' }),
    clientNotFound('id'),
  );

/** FitTrackee `POST /api/oauth/apps/{id}/revoke`. */
export const ApiRevokeClientTokens = (): MethodDecorator =>
  applyDecorators(
    operation(
      'Revoke every token of an OAuth2 client',
      'Revokes all the access and refresh tokens issued to the client, for every user; the ' +
        'client itself stays (FitTrackee `POST /api/oauth/apps/<id>/revoke`). Unlike ' +
        'FitTrackee, only the client’s owner may do it.',
    ),
    numericId(),
    ApiResponse({
      status: 200,
      description: 'Tokens revoked.',
      type: OAuth2StatusResponseDto,
      example: { status: 'success' },
    }),
    clientNotFound('id'),
  );
