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

import {
  callProtectedApi,
  type ExampleSettings,
  refreshTokens,
  revokeTokens,
  type Tokens,
} from './pacekeeper-api';
import { homePage } from './pages';
import { PROTECTED_API_CALL } from './protected-call';

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
      scope: PROTECTED_API_CALL.scope,
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

/** A small third-party web app that signs a user in through Pacekeeper and calls its API. */
export function createExampleApp(settings: ExampleSettings): Express {
  const app = express();
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

  app.get('/', (request, response) => {
    const message = request.session.message;
    delete request.session.message;
    response.type('html').send(homePage(request.session.tokens, message));
  });
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
    '/call',
    action(async (request, response) => {
      const tokens = request.session.tokens;
      if (tokens) {
        const result = await callProtectedApi(settings, tokens);
        request.session.message = `API answered ${String(result.status)}`;
      }
      response.redirect('/');
    }),
  );
  app.post(
    '/refresh',
    action(async (request, response) => {
      const tokens = request.session.tokens;
      if (tokens) {
        const result = await refreshTokens(settings, tokens);
        if ('accessToken' in result) request.session.tokens = result;
        request.session.message =
          'accessToken' in result
            ? 'Tokens refreshed'
            : `Refresh failed (${String(result.status)})`;
      }
      response.redirect('/');
    }),
  );
  app.post(
    '/revoke',
    action(async (request, response) => {
      const tokens = request.session.tokens;
      if (tokens) {
        const result = await revokeTokens(settings, tokens);
        request.session.message = `Revocation answered ${String(result.status)}`;
      }
      response.redirect('/');
    }),
  );
  return app;
}
