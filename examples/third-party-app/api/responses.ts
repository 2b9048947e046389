import type { paths } from './schema';

/** The JSON body an operation documents for its 200 response; `undefined` if it documents none. */
type Documented<Operation> = Operation extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : undefined;

/**
 * FitTrackee's envelope `{status, data, pagination}`. A document that describes only the `data`
 * member gets the envelope added here; a document that describes the whole body is used as it is,
 * so the code reading these types is checked against the document.
 */
type Enveloped<Body> = 'status' extends keyof Body ? Body : { status: 'success'; data: Body };

/** RFC 6749 §5.1, for a document that gives the token response no schema. */
interface Rfc6749TokenResponse {
  access_token: string;
  token_type: string;
  expires_in?: number;
  refresh_token: string;
  scope?: string;
}

/** A 200 body that the document leaves out is `undefined`: then the fallback is what is sent. */
type Or<Body, Fallback> = [NonNullable<Body>] extends [never] ? Fallback : NonNullable<Body>;

/** FitTrackee `GET /api/workouts`: the caller's workouts, newest first, one page. */
export type WorkoutsPage = Enveloped<Documented<paths['/api/workouts']['get']>>;
export type Workout = WorkoutsPage['data']['workouts'][number];

/** FitTrackee `GET /api/sports`: the sports a workout refers to by `sport_id`. */
export type SportsList = Enveloped<Documented<paths['/api/sports']['get']>>;
export type Sport = SportsList['data']['sports'][number];

/** `POST /api/oauth/token` (RFC 6749 §5.1). */
export type TokenResponse = Or<Documented<paths['/api/oauth/token']['post']>, Rfc6749TokenResponse>;

/**
 * openapi-fetch types a body as the document describes it; these functions type it as the server
 * sends it. They return their argument: the types above are the document's own wherever it
 * describes the body, so the functions then change nothing, not even a type.
 */
export function enveloped<Body>(body: Body): Enveloped<Body> {
  return body as Enveloped<Body>;
}

/** For a 2xx response only (`response.ok`), which always has its body. */
export function tokenResponse<Body>(body: Body): Or<Body, Rfc6749TokenResponse> {
  return body as Or<Body, Rfc6749TokenResponse>;
}
