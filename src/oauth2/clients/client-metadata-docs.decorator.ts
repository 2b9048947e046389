import { ApiBody } from '@nestjs/swagger';
import { columnLength } from 'src/common/validation/column-length';
import { OAuth2Client } from 'src/oauth2/clients/oauth2-client.entity';

/** The JSON body of FitTrackee `POST /api/oauth/apps` (RFC 7591 §2 names). */
export const ApiClientMetadataBody = (): MethodDecorator =>
  ApiBody({
    schema: {
      type: 'object',
      required: ['client_name', 'client_uri', 'redirect_uris', 'scope'],
      properties: {
        client_name: {
          type: 'string',
          maxLength: columnLength(OAuth2Client, 'name'),
          description: 'The application’s name.',
        },
        client_uri: { type: 'string', description: 'The application’s website.' },
        client_description: { type: 'string', nullable: true, description: 'A description.' },
        redirect_uris: {
          type: 'array',
          items: { type: 'string' },
          description:
            'Absolute URIs; the first one is the default. Private-use schemes ' +
            '(`com.example.app:/cb`, RFC 8252 §7.1) are for public clients only.',
        },
        token_endpoint_auth_method: {
          type: 'string',
          enum: ['client_secret_post', 'none'],
          default: 'client_secret_post',
          description:
            '`none` registers a public client (a native or browser app, RFC 6749 §2.1): no ' +
            'secret is issued, and it must use PKCE with `S256`.',
        },
        scope: { type: 'string', description: 'Space-separated scopes the client may ask for.' },
      },
      example: {
        client_name: 'Ride sync',
        client_uri: 'https://ridesync.example.com',
        client_description: 'Uploads rides from my bike computer.',
        redirect_uris: ['https://ridesync.example.com/callback'],
        scope: 'profile:read workouts:read workouts:write',
      },
    },
  });
