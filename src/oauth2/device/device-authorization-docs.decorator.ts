import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import { ApiLimitResponse } from 'src/common/rate-limit/api-limit-response.decorator';
import { DeviceAuthorizationResponseDto } from 'src/oauth2/device/dto/device-authorization-response.dto';
import {
  CLIENT_AUTHENTICATION,
  CLIENT_CREDENTIALS,
  EXAMPLE_CLIENT,
  FORM_ONLY,
  formBody,
  INSECURE_TRANSPORT,
  INVALID_CLIENT,
  INVALID_REQUEST_EDGE,
  NO_STORE_RESPONSE_HEADERS,
  oauth2BadRequest,
} from 'src/oauth2/oauth2-form-docs.decorator';

/** RFC 8628 §3.1 request of `POST /api/oauth/device_authorization`, and its answers. */
export const ApiDeviceAuthorizationForm = (): MethodDecorator =>
  applyDecorators(
    ApiOperation({
      summary: 'Start a device authorization (CLI, TV and watch apps)',
      description:
        'RFC 8628 device authorization request (docs/oauth2.md#device-flow): the device shows ' +
        '`user_code` and `verification_uri` to the user, who opens that page on a phone or ' +
        'computer, signs in, types the code and approves; meanwhile the device polls ' +
        '`POST /api/oauth/token` with `grant_type=urn:ietf:params:oauth:grant-type:device_code` ' +
        `every \`interval\` seconds. Not part of FitTrackee. ${FORM_ONLY} ` +
        `${CLIENT_AUTHENTICATION} Repeated failed client authentications are rate-limited (429).`,
    }),
    formBody(
      { ...CLIENT_CREDENTIALS, scope: 'Space-separated scopes, as at the authorization endpoint.' },
      ['client_id'],
      { ...EXAMPLE_CLIENT, scope: 'workouts:read' },
    ),
    ApiResponse({
      status: 200,
      description: 'RFC 8628 §3.2 device authorization response.',
      type: DeviceAuthorizationResponseDto,
      headers: NO_STORE_RESPONSE_HEADERS,
      example: {
        device_code: 'GmRhmhcxhwAzkoEqiMEg4XkyNbJz8o2AD4X7kYfPBt2QmKtm',
        user_code: 'WDJB-MJHT',
        verification_uri: 'https://fit.example.com/device',
        verification_uri_complete: 'https://fit.example.com/device?user_code=WDJB-MJHT',
        expires_in: 600,
        interval: 5,
      },
    }),
    oauth2BadRequest(
      `RFC 6749 §5.2 error body. ${INVALID_CLIENT} \`invalid_scope\` (\`The requested scope ` +
        'is invalid, unknown, or malformed.`) when none of the requested scopes is one of the ' +
        `client’s; ${INVALID_REQUEST_EDGE}; ${INSECURE_TRANSPORT}.`,
      { error: 'invalid_client' },
    ),
    ApiLimitResponse('oauth2'),
  );
