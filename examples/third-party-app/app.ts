import express, {
  type Express,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import session from 'express-session';
import { Passport } from 'passport';
import OAuth2Strategy from 'passport-oauth2';

import { type ExampleSettings, PacekeeperApi, SCOPE, type Tokens } from './pacekeeper-api';
import { signedInPage, signedOutPage } from './pages';

declare module 'express-session' {
  interface SessionData {
    tokens?: Tokens;
    message?: string;
  }
}

const STRATEGY = 'pacekeeper';

/** Authorization Code + PKCE + state against Pacekeeper, through passport-oauth2. */
function authenticator(settings: ExampleSettings): InstanceType<typeof Passport> {
  const passport = new Passport();
  const strategy = new OAuth2Strategy(
    {
      authorizationURL: `${settings.pacekeeperUrl}/profile/apps/authorize`,
      tokenURL: `${settings.pacekeeperUrl}/api/oauth/token`,
      clientID: settings.clientId,
      clientSecret: settings.clientSecret,
      callbackURL: settings.callbackUrl,
      scope: SCOPE,
      pkce: true,
      state: true,
    },
    (
      accessToken: string,
      refreshToken: string,
      params: { scope?: string },
      _profile: unknown,
      done: (error: Error | null, user?: Tokens) => void,
    ) => {
      done(null, { accessToken, refreshToken, scope: params.scope ?? '' });
    },
  );
  passport.use(STRATEGY, strategy);
  return passport;
}

type Handler = (request: Request, response: Response) => Promise<void>;

function action(
  handler: Handler,
): (request: Request, response: Response, next: NextFunction) => void {
  return (request, response, next) => {
    handler(request, response).catch(next);
  };
}

/** The home page: signed out, or the user's workouts read with the access token. */
async function home(api: PacekeeperApi, request: Request): Promise<string> {
  const { tokens, message } = request.session;
  delete request.session.message;
  if (tokens === undefined) return signedOutPage(message);
  const list = await api.listWorkouts(tokens);
  if (!('status' in list)) return signedInPage(tokens, list, message);
  if (list.status !== 401) return signedInPage(tokens, undefined, `API answered ${list.status}`);
  // The token expired or was revoked elsewhere (RFC 6750 §3.1): forget it.
  delete request.session.tokens;
  return signedOutPage('Pacekeeper no longer accepts the token: sign in again.');
}

/** A small third-party web app that signs a user in through Pacekeeper and lists their workouts. */
export function createExampleApp(settings: ExampleSettings): Express {
  const app = express();
  const api = new PacekeeperApi(settings);
  const passport = authenticator(settings);
  app.use(
    session({
      secret: settings.sessionSecret,
      resave: false,
      saveUninitialized: false,
      cookie: { httpOnly: true, sameSite: 'lax' },
    }),
  );
  app.use(passport.initialize());

  app.get(
    '/',
    action(async (request, response) => {
      response.type('html').send(await home(api, request));
    }),
  );
  app.get('/login', passport.authenticate(STRATEGY, { session: false }) as RequestHandler);
  app.get('/callback', (request, response, next) => {
    const finish = passport.authenticate(
      STRATEGY,
      { session: false },
      (error: unknown, tokens: Tokens | false) => {
        if (error) {
          next(error);
          return;
        }
        if (tokens) request.session.tokens = tokens;
        else request.session.message = 'Sign-in was cancelled or refused.';
        response.redirect('/');
      },
    ) as RequestHandler;
    void finish(request, response, next);
  });
  app.post(
    '/refresh',
    action(async (request, response) => {
      const tokens = request.session.tokens;
      if (tokens) {
        const result = await api.refresh(tokens);
        if ('accessToken' in result) request.session.tokens = result;
        request.session.message =
          'accessToken' in result ? 'Tokens refreshed' : `Refresh failed (${result.status})`;
      }
      response.redirect('/');
    }),
  );
  app.post(
    '/revoke',
    action(async (request, response) => {
      const tokens = request.session.tokens;
      if (tokens) {
        const status = await api.revoke(tokens);
        if (status === 200) delete request.session.tokens;
        request.session.message =
          status === 200
            ? 'Signed out: Pacekeeper revoked the tokens.'
            : `Revocation failed (${status})`;
      }
      response.redirect('/');
    }),
  );
  return app;
}
