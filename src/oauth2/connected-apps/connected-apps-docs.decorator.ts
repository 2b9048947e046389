import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse } from '@nestjs/swagger';
import { ApiEnvelopeResponse } from 'src/common/envelope/api-envelope-response.decorator';
import { ApiErrors } from 'src/common/openapi/api-error-responses.decorator';
import {
  ConnectedAppListDataDto,
  type ConnectedAppResponseDto,
} from 'src/oauth2/connected-apps/dto/connected-app-response.dto';

const FIRST_PARTY =
  'First-party tokens only: an OAuth2 access token gets 403 `insufficient_scope`, so an app ' +
  'can neither see nor end another app’s access.';

const NOT_FOUND = 'OAuth2 client not found';

const APP_EXAMPLE = {
  client_id: 'hVL8Hw0sY1zB4sW9kQdJ2xTf',
  name: 'Ride sync',
  website: 'https://ridesync.example.com',
  client_description: 'Uploads rides from my bike computer.',
  scope: 'profile:read workouts:read',
  first_authorized_at: 'Thu, 14 Jul 2022 06:27:53 GMT',
  last_used_at: 'Mon, 03 Apr 2023 18:02:00 GMT',
} satisfies ConnectedAppResponseDto;

export const ApiListConnectedApps = (): MethodDecorator =>
  applyDecorators(
    ApiOperation({
      summary: 'List the applications the user authorized',
      description:
        'Every application the user consented to and has not taken back, whoever owns it, ' +
        'most recently authorized first, with the scopes granted, the date of the first ' +
        'consent and of the last use (to the minute). Not paginated. An app leaves the list ' +
        'when the user revokes it, its owner deletes it or revokes all its tokens, the user’s ' +
        'password changes, or the app revokes the user’s last token itself. ' +
        FIRST_PARTY,
    }),
    ApiEnvelopeResponse(ConnectedAppListDataDto, {
      description: 'The authorized applications.',
      example: { status: 'success', data: { authorized_apps: [APP_EXAMPLE] } },
    }),
  );

export const ApiRevokeConnectedApp = (): MethodDecorator =>
  applyDecorators(
    ApiOperation({
      summary: 'Revoke an application the user authorized',
      description:
        'Takes the access back at once: every access and refresh token of the application ' +
        'for this user is revoked, its unused authorization codes can no longer be exchanged, ' +
        'and the consent is forgotten, so the next authorization request shows the consent ' +
        'screen again. Other users’ access to the application is untouched. ' +
        FIRST_PARTY,
    }),
    ApiParam({
      name: 'client_id',
      description: 'The application’s public `client_id`, as listed.',
      schema: { type: 'string' },
      example: APP_EXAMPLE.client_id,
    }),
    ApiResponse({ status: 204, description: 'Revoked; no body.' }),
    ApiErrors({
      404: `\`${NOT_FOUND}\`: the user has not authorized an application with this \`client_id\`.`,
    }),
  );
