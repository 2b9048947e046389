import type { ArgumentsHost } from '@nestjs/common';
import { ServiceUnavailableException } from '@nestjs/common';
import {
  AllExceptionsFilter,
  RETRY_AFTER_SECONDS,
  UNAVAILABLE_MESSAGE,
} from 'src/common/errors/all-exceptions.filter';
import { QueryFailedError } from 'typeorm';

interface Sent {
  status?: number;
  body?: unknown;
  headers: Record<string, string>;
}

function render(exception: unknown): Sent {
  const sent: Sent = { headers: {} };
  const response = {
    headersSent: false,
    setHeader: (name: string, value: string) => {
      sent.headers[name] = value;
    },
    status: (status: number) => {
      sent.status = status;
      return { json: (body: unknown) => (sent.body = body) };
    },
  };
  const request = { method: 'POST', originalUrl: '/api/workouts/no_gpx?x=1', id: 7 };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
  const filter = new AllExceptionsFilter();
  jest.spyOn(filter['logger'], 'warn').mockImplementation(() => undefined);
  jest.spyOn(filter['logger'], 'error').mockImplementation(() => undefined);
  filter.catch(exception, host);
  return sent;
}

describe('AllExceptionsFilter and database outages', () => {
  it('answers 503 with Retry-After in the FitTrackee envelope when the database is gone', () => {
    const error = new QueryFailedError(
      'SELECT 1',
      [],
      Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01',
      }),
    );
    expect(render(error)).toEqual({
      status: 503,
      body: { status: 'error', message: UNAVAILABLE_MESSAGE },
      headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    });
    expect(
      render(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    ).toMatchObject({ status: 503 });
  });

  it('keeps a query error that is no outage a 500 without Retry-After', () => {
    const error = new QueryFailedError(
      'INSERT',
      [],
      Object.assign(new Error('duplicate key'), { code: '23505' }),
    );
    expect(render(error)).toEqual({
      status: 500,
      body: { status: 'error', message: 'error, please try again or contact the administrator' },
      headers: {},
    });
  });

  it("adds Retry-After to the readiness check's 503 and keeps its report", () => {
    const report = { status: 'error', error: { database: { status: 'down' } } };
    expect(render(new ServiceUnavailableException(report))).toEqual({
      status: 503,
      body: report,
      headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    });
  });
});
