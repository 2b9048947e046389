import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { sendException } from 'src/common/errors/all-exceptions.filter';
import { InvalidInputError } from 'src/common/errors/http-errors';
import { InvalidRequestError } from 'src/oauth2/oauth2.errors';

/**
 * On the authorization and token endpoints a refused input value is RFC 6749 §5.2
 * `invalid_request` (RFC 7009 §2.2.1 for revocation), not the FitTrackee envelope.
 */
@Catch(InvalidInputError)
export class OAuth2InputErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('OAuth2');

  catch(exception: InvalidInputError, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendException(
      new InvalidRequestError(exception.message),
      http.getRequest<Request>(),
      http.getResponse<Response>(),
      this.logger,
    );
  }
}
