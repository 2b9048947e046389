import type { ModuleRef, Reflector } from '@nestjs/core';
import type { Request } from 'express';
import passport from 'passport';
import type { AccessRule } from 'src/auth/decorators/access.metadata';
import { AuthGuard } from 'src/auth/guards/auth.guard';
import {
  FIRST_PARTY_STRATEGY,
  OAUTH2_STRATEGY,
  PERSONAL_ACCESS_TOKEN_STRATEGY,
} from 'src/auth/guards/strategy-names';
import type { Principal, RequestWithPrincipal } from 'src/auth/principal';
import { SCOPE } from 'src/auth/scopes';
import { ForbiddenError, UnauthorizedError } from 'src/common/errors/http-errors';
import { InvalidTokenError, UnsupportedTokenTypeError } from 'src/common/errors/oauth2-error';
import { type CallerRead, callerReadToken, type RequestCallerRead } from 'src/database/caller-read';
import {
  fakeReflector,
  fakeRequest,
  fakeUser,
  httpContext,
  principal,
  PUBLIC,
  SCOPED,
} from 'test/helpers/guard-context';

type Outcome = Principal | false | Error;

/** A passport strategy whose answer the test decides; it records the tokens it was shown. */
class FakeStrategy extends passport.Strategy {
  readonly seen: string[] = [];

  constructor(private readonly outcome: () => Outcome) {
    super();
  }

  override authenticate(request: Request): void {
    this.seen.push(request.headers.authorization ?? '');
    const outcome = this.outcome();
    if (outcome instanceof Error) this.error(outcome);
    else if (outcome === false) this.fail();
    else this.success(outcome);
  }
}

describe('AuthGuard (docs/oauth2.md#resource-protection steps 1–4)', () => {
  let firstParty: Outcome;
  let oauth2: Outcome;
  let personal: Outcome;
  let jwtStrategy: FakeStrategy;
  let bearerStrategy: FakeStrategy;
  let personalStrategy: FakeStrategy;

  beforeEach(() => {
    firstParty = false;
    oauth2 = false;
    personal = false;
    jwtStrategy = new FakeStrategy(() => firstParty);
    bearerStrategy = new FakeStrategy(() => oauth2);
    personalStrategy = new FakeStrategy(() => personal);
    passport.use(FIRST_PARTY_STRATEGY, jwtStrategy);
    passport.use(OAUTH2_STRATEGY, bearerStrategy);
    passport.use(PERSONAL_ACCESS_TOKEN_STRATEGY, personalStrategy);
  });

  afterEach(() => {
    passport.unuse(FIRST_PARTY_STRATEGY);
    passport.unuse(OAUTH2_STRATEGY);
    passport.unuse(PERSONAL_ACCESS_TOKEN_STRATEGY);
  });

  /** `rule: null` is a route without any access decorator. */
  const run = (
    authorization: string | undefined,
    rule: AccessRule | null = SCOPED([SCOPE.WORKOUTS_READ]),
  ) => {
    const request = fakeRequest(authorization);
    const guard = new AuthGuard(fakeReflector(rule ?? undefined));
    return { request, result: guard.canActivate(httpContext(request)) };
  };

  describe('a route that reads about its caller (@Scopes(…, { readWithToken }))', () => {
    const TOKEN = callerReadToken<number>('count');
    const OTHER = callerReadToken<number>('elsewhere');
    const PAGE = callerReadToken<number>('page');
    const read: CallerRead<number> = { joins: () => '', columns: '', read: () => 1 };
    /** Reads the page its request asks for, none for a page that is not a number. */
    const pageRead: RequestCallerRead<number> = {
      forRequest: (request) => {
        const page = Number(request.query['page']);
        if (!Number.isInteger(page)) return undefined;
        return { joins: () => '', columns: '', read: () => page };
      },
    };
    /** A module graph providing `read` under TOKEN only; `looked` counts the lookups. */
    const modules = () => {
      const lookups: symbol[] = [];
      const moduleRef = {
        get: (token: symbol) => {
          lookups.push(token);
          if (token === PAGE) return pageRead;
          if (token !== TOKEN) throw new Error('not provided');
          return read;
        },
      } as unknown as ModuleRef;
      return { moduleRef, lookups };
    };
    /** The rule of the next request: the reflector reads it anew for each new handler. */
    let rule: AccessRule | undefined;
    const reflector = { getAllAndOverride: () => rule } as unknown as Reflector;
    /** What the strategies saw on the request when they ran, for one request under `next`. */
    const seenBy = async (guard: AuthGuard, next: AccessRule, query = {}) => {
      rule = next;
      let seen: unknown = 'not run';
      const request = Object.assign(fakeRequest('Bearer good'), { query, params: {} });
      firstParty = principal('first-party');
      jwtStrategy = new FakeStrategy(() => {
        seen = (request as RequestWithPrincipal).callerRead;
        return firstParty;
      });
      passport.use(FIRST_PARTY_STRATEGY, jwtStrategy);
      await guard.canActivate(httpContext(request));
      return seen;
    };
    const reading = (token: symbol): AccessRule => ({
      kind: 'scoped',
      scopes: [SCOPE.PROFILE_READ],
      isAdminOnly: false,
      isFirstPartyOnly: false,
      callerRead: token,
    });

    it('hands the read to the strategies, to be read with the token', async () => {
      const { moduleRef } = modules();
      const guard = new AuthGuard(reflector, moduleRef);
      expect(await seenBy(guard, reading(TOKEN))).toEqual({ token: TOKEN, read });
    });

    it('looks each read up once', async () => {
      const { moduleRef, lookups } = modules();
      const guard = new AuthGuard(reflector, moduleRef);
      await seenBy(guard, reading(TOKEN));
      await seenBy(guard, reading(TOKEN));
      await seenBy(guard, reading(OTHER));
      await seenBy(guard, reading(OTHER));
      expect(lookups).toEqual([TOKEN, OTHER]);
    });

    it('binds a read that depends on the request to each request', async () => {
      const { moduleRef, lookups } = modules();
      const guard = new AuthGuard(reflector, moduleRef);
      const first = (await seenBy(guard, reading(PAGE), { page: '2' })) as {
        token: symbol;
        read: CallerRead<number>;
      };
      const second = (await seenBy(guard, reading(PAGE), { page: '3' })) as typeof first;
      expect(first.token).toBe(PAGE);
      expect(first.read.read({})).toBe(2);
      expect(second.read.read({})).toBe(3);
      // A request it cannot bind: the route reads for itself.
      expect(await seenBy(guard, reading(PAGE), { page: 'x' })).toBeUndefined();
      // Values the edge rules refuse after authentication never reach a read's SQL.
      expect(await seenBy(guard, reading(PAGE), { page: '2', title: 'a\u0000b' })).toBeUndefined();
      expect(await seenBy(guard, reading(TOKEN), { ['__proto__']: '1' })).toBeUndefined();
      expect(lookups).toEqual([PAGE]);
    });

    it('hands nothing on other routes, nor when no module provides the read', async () => {
      const { moduleRef } = modules();
      const guard = new AuthGuard(reflector, moduleRef);
      expect(await seenBy(guard, SCOPED([SCOPE.PROFILE_READ]))).toBeUndefined();
      expect(await seenBy(guard, reading(OTHER))).toBeUndefined();
    });
  });

  it('lets a @Public() route through without looking at the header', async () => {
    const { request, result } = run('Basic garbage', PUBLIC);
    await expect(result).resolves.toBe(true);
    expect(request.principal).toBeUndefined();
    expect(jwtStrategy.seen).toEqual([]);
  });

  it('denies a route without @Public(), @Scopes() or @FirstPartyOnly(), even with a valid token', async () => {
    firstParty = principal('first-party');
    await expect(run('Bearer good', null).result).rejects.toBeInstanceOf(ForbiddenError);
    expect(jwtStrategy.seen).toEqual([]);
  });

  it.each([[undefined], ['']])(
    'answers 401 provide a valid auth token for header %p',
    async (header) => {
      const error = await run(header).result.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnauthorizedError);
      expect(error).toMatchObject({
        httpStatus: 401,
        body: { message: 'provide a valid auth token' },
      });
    },
  );

  it('answers invalid_token for a header without a space, before any strategy runs', async () => {
    await expect(run('Bearer').result).rejects.toBeInstanceOf(InvalidTokenError);
    expect(jwtStrategy.seen).toEqual([]);
  });

  it('tries the first-party JWT first and stops there when it is recognised', async () => {
    const expected = principal('first-party');
    firstParty = expected;
    const { request, result } = run('Bearer jwt');
    await expect(result).resolves.toBe(true);
    expect(request.principal).toBe(expected);
    expect(bearerStrategy.seen).toEqual([]);
  });

  it('accepts a first-party JWT whatever the scheme word (step 2 does not check it)', async () => {
    firstParty = principal('first-party');
    const { request, result } = run('Basic jwt');
    await expect(result).resolves.toBe(true);
    expect(request.principal?.kind).toBe('first-party');
  });

  it('answers unsupported_token_type for another scheme once the JWT is refused', async () => {
    await expect(run('Basic xxx').result).rejects.toBeInstanceOf(UnsupportedTokenTypeError);
    expect(jwtStrategy.seen).toEqual(['Basic xxx']);
    expect(bearerStrategy.seen).toEqual([]);
  });

  it('falls back to the OAuth2 token, with a case-insensitive Bearer scheme', async () => {
    const expected = principal('oauth2', undefined, [SCOPE.WORKOUTS_READ]);
    oauth2 = expected;
    const { request, result } = run('bearer access-token');
    await expect(result).resolves.toBe(true);
    expect(request.principal).toBe(expected);
    expect(jwtStrategy.seen).toEqual(['bearer access-token']);
  });

  it('answers invalid_token when neither strategy recognises the token', async () => {
    await expect(run('Bearer unknown').result).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('answers invalid_token when no OAuth2 strategy is registered yet', async () => {
    passport.unuse(OAUTH2_STRATEGY);
    await expect(run('Bearer unknown').result).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('propagates an error raised by a strategy', async () => {
    oauth2 = new InvalidTokenError();
    await expect(run('Bearer revoked').result).rejects.toBe(oauth2);
  });

  it('sends a pk_pat_ token to the personal access token strategy, never to OAuth2', async () => {
    const expected = principal('personal-access-token', undefined, [SCOPE.WORKOUTS_READ]);
    personal = expected;
    oauth2 = principal('oauth2');
    const { request, result } = run('Bearer pk_pat_abc');
    await expect(result).resolves.toBe(true);
    expect(request.principal).toBe(expected);
    expect(personalStrategy.seen).toEqual(['Bearer pk_pat_abc']);
    expect(bearerStrategy.seen).toEqual([]);
  });

  it('answers a pk_pat_ token as an OAuth2 one: Bearer only, invalid_token when unknown', async () => {
    await expect(run('Token pk_pat_abc').result).rejects.toBeInstanceOf(UnsupportedTokenTypeError);
    expect(personalStrategy.seen).toEqual([]);
    await expect(run('Bearer pk_pat_abc').result).rejects.toBeInstanceOf(InvalidTokenError);
    expect(bearerStrategy.seen).toEqual([]);
  });

  it('leaves the active and admin checks to the ScopesGuard', async () => {
    firstParty = principal('first-party', fakeUser({ isActive: false, admin: false }));
    const { request, result } = run('Bearer t', SCOPED([SCOPE.USERS_WRITE], true));
    await expect(result).resolves.toBe(true);
    expect(request.principal?.user.isActive).toBe(false);
  });
});
