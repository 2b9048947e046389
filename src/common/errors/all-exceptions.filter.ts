import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError } from 'src/common/errors/app-error';
import { isConnectionFailure } from 'src/common/errors/connection-failure';
import { OAuth2Error } from 'src/common/errors/oauth2-error';
import { isStorageFull, STORAGE_FULL_MESSAGE } from 'src/common/errors/storage-full';
import { formatFileSize } from 'src/common/format/file-size';

const DEFAULT_500 = 'error, please try again or contact the administrator';
/**
 * Werkzeug's NotFound description, also used by FitTrackee for disabled routes
 * (docs/compatibility.md#errors).
 */
export const ROUTE_NOT_FOUND_MESSAGE = 'the requested URL was not found on the server';
/** FitTrackee has no 503; the envelope is its error one (`status: "error"`). */
export const UNAVAILABLE_MESSAGE = 'service temporarily unavailable, please try again later';
/** Seconds a client should wait before retrying a 503 (RFC 9110 §10.2.3). */
export const RETRY_AFTER_SECONDS = 5;
const RETRY_AFTER = { 'Retry-After': String(RETRY_AFTER_SECONDS) };

interface RenderedError {
  httpStatus: number;
  body: Record<string, unknown>;
  headers?: Readonly<Record<string, string>>;
}

/** The single edge where errors become HTTP responses, so every error body has one shape. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendException(exception, http.getRequest<Request>(), http.getResponse<Response>(), this.logger);
  }
}

/** Also used by the express error middleware that catches body-parser errors before routing. */
export function sendException(
  exception: unknown,
  request: Request,
  response: Response,
  logger: Logger,
): void {
  const rendered = renderException(exception, request, logger);
  if (response.headersSent) {
    response.end();
    return;
  }
  for (const [name, value] of Object.entries(rendered.headers ?? {}))
    response.setHeader(name, value);
  response.status(rendered.httpStatus).json(rendered.body);
}

function renderException(
  exception: unknown,
  request: Request & { id?: unknown },
  logger: Logger,
): RenderedError {
  if (exception instanceof AppError) {
    return {
      httpStatus: exception.httpStatus,
      body: { status: exception.status, ...exception.body },
      headers: exception.headers,
    };
  }
  if (exception instanceof OAuth2Error) {
    return {
      httpStatus: exception.httpStatus,
      body: exception.toBody(),
      headers: exception.headers,
    };
  }
  const status = httpStatusOf(exception);
  if (status !== undefined && status < 500) return renderClientError(status, exception);
  // Readiness failures (terminus) keep their report: it names the failing dependency.
  if (exception instanceof HttpException && status === 503) {
    const report = exception.getResponse();
    return {
      httpStatus: 503,
      body: typeof report === 'object' ? { ...report } : { status: 'error', message: report },
      headers: RETRY_AFTER,
    };
  }
  // The database is down or restarting: the request may succeed later, so it is no bug (500).
  if (isConnectionFailure(exception)) {
    logger.warn(
      { err: exception, method: request.method, url: request.originalUrl.split('?')[0] },
      'database unavailable',
    );
    return {
      httpStatus: 503,
      body: { status: 'error', message: UNAVAILABLE_MESSAGE },
      headers: RETRY_AFTER,
    };
  }
  const requestId =
    typeof request.id === 'string' || typeof request.id === 'number' ? String(request.id) : '-';
  // A full disk is the operator's to fix, not a bug: nothing was kept, a retry may succeed.
  if (isStorageFull(exception)) {
    logger.error(
      { err: exception, requestId, method: request.method, url: request.originalUrl.split('?')[0] },
      'storage full: the request was refused and nothing was kept',
    );
    return { httpStatus: 507, body: { status: 'error', message: STORAGE_FULL_MESSAGE } };
  }
  logger.error(
    { err: exception, requestId, method: request.method, url: request.originalUrl.split('?')[0] },
    `unhandled error on request ${requestId}`,
  );
  return {
    httpStatus: HttpStatus.INTERNAL_SERVER_ERROR,
    body: { status: 'error', message: DEFAULT_500 },
  };
}

/** HttpExceptions, and body-parser / multer errors that carry a numeric `status`. */
function httpStatusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  if (typeof exception === 'object' && exception !== null) {
    const { status, statusCode } = exception as { status?: unknown; statusCode?: unknown };
    const code = typeof status === 'number' ? status : statusCode;
    if (typeof code === 'number' && code >= 400 && code < 600) return code;
  }
  return undefined;
}

function renderClientError(status: number, exception: unknown): RenderedError {
  switch (status) {
    case 401:
      return { httpStatus: 401, body: { status: 'error', message: 'provide a valid auth token' } };
    case 403:
      return { httpStatus: 403, body: { status: 'error', message: 'you do not have permissions' } };
    case 404:
    case 405:
      return { httpStatus: 404, body: { status: 'not found', message: ROUTE_NOT_FOUND_MESSAGE } };
    case 413:
      return {
        httpStatus: 413,
        body: { status: 'fail', message: payloadTooLargeMessage(exception) },
      };
    case 429:
      return {
        httpStatus: 429,
        body: { status: 'error', message: messageOf(exception) ?? 'rate limit exceeded' },
      };
    default:
      return {
        httpStatus: status === 415 ? 400 : status,
        body: { status: 'error', message: 'invalid payload' },
      };
  }
}

function messageOf(exception: unknown): string | undefined {
  if (exception instanceof HttpException) {
    const response = exception.getResponse();
    if (typeof response === 'string') return response;
  }
  return undefined;
}

/** body-parser's `entity.too.large` error carries the received `length` and the `limit`. */
function payloadTooLargeMessage(exception: unknown): string {
  const { length, limit } = (
    typeof exception === 'object' && exception !== null ? exception : {}
  ) as {
    length?: unknown;
    limit?: unknown;
  };
  const size = typeof length === 'number' ? `body size (${formatFileSize(length)}) ` : '';
  const max = typeof limit === 'number' ? formatFileSize(limit) : 'limit';
  return `Error during request, ${size}exceeds ${max}.`;
}
