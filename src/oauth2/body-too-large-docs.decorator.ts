import { ApiResponse } from '@nestjs/swagger';
import { ENVELOPE_ERROR_SCHEMA } from 'src/openapi/api-error-responses.decorator';

/** The global body parsers' limit, in the envelope (as FitTrackee's upload limit answers). */
export const ApiBodyTooLarge = (): MethodDecorator =>
  ApiResponse({
    status: 413,
    description:
      'The body is larger than 1 MB: `{"status": "fail", "message": "Error during request, ' +
      'body size (<size>) exceeds 1.0MB."}`.',
    schema: ENVELOPE_ERROR_SCHEMA,
    example: {
      status: 'fail',
      message: 'Error during request, body size (2.9MB) exceeds 1.0MB.',
    },
  });
