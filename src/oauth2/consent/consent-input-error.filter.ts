import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { InvalidInputError } from 'src/common/errors/http-errors';
import { page, sendConsentOutcome } from 'src/oauth2/consent/consent-outcome';
import { renderErrorPage } from 'src/oauth2/consent/views/error.view';

/**
 * The consent page is HTML for a browser: a refused input value is shown on the server's own
 * error page, never redirected to a URI that came with the refused request (RFC 6749 §4.1.2.1).
 */
@Catch(InvalidInputError)
export class ConsentInputErrorFilter implements ExceptionFilter {
  catch(exception: InvalidInputError, host: ArgumentsHost): void {
    sendConsentOutcome(
      host.switchToHttp().getResponse<Response>(),
      page(400, renderErrorPage('Invalid request', exception.message)),
    );
  }
}
