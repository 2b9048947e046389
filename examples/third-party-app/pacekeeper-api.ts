import createClient, { type Client } from 'openapi-fetch';

import { enveloped, type Sport, tokenResponse, type Workout } from './api/responses';
import type { paths } from './api/schema';

/** The one scope the example asks for: reading workouts and sports. */
export const SCOPE = 'workouts:read';

export interface ExampleSettings {
  /** Pacekeeper's base URL, e.g. `https://tracker.example.org`. */
  pacekeeperUrl: string;
  clientId: string;
  clientSecret: string;
  /** This app's callback, registered as a redirect URI of the client. */
  callbackUrl: string;
  sessionSecret: string;
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  scope: string;
}

/** The HTTP status of a refused call. */
export interface Refused {
  status: number;
}

export interface WorkoutList {
  workouts: Workout[];
  sports: Sport[];
}

/** OAuth2 endpoints take form fields, not JSON (RFC 6749 §4.1.3, RFC 7009 §2.1). */
const FORM = {
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  bodySerializer: (fields: Record<string, string | undefined>): string => {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(fields))
      if (value !== undefined) form.set(name, value);
    return form.toString();
  },
};

const bearer = (tokens: Tokens): { Authorization: string } => ({
  Authorization: `Bearer ${tokens.accessToken}`,
});

/** Pacekeeper's API through a client typed by the generated document. */
export class PacekeeperApi {
  private readonly client: Client<paths>;

  constructor(private readonly settings: ExampleSettings) {
    this.client = createClient<paths>({ baseUrl: settings.pacekeeperUrl });
  }

  /** The latest workouts and the sports they refer to, with the access token (RFC 6750 §2.1). */
  async listWorkouts(tokens: Tokens): Promise<WorkoutList | Refused> {
    const headers = bearer(tokens);
    const [workouts, sports] = await Promise.all([
      this.client.GET('/api/workouts', { params: { query: { per_page: 10 } }, headers }),
      this.client.GET('/api/sports', { headers }),
    ]);
    if (workouts.data === undefined) return { status: workouts.response.status };
    if (sports.data === undefined) return { status: sports.response.status };
    return {
      workouts: enveloped(workouts.data).data.workouts,
      sports: enveloped(sports.data).data.sports,
    };
  }

  /** refresh_token grant with client_secret_post: Pacekeeper rotates the pair. */
  async refresh(tokens: Tokens): Promise<Tokens | Refused> {
    const { data, response } = await this.client.POST('/api/oauth/token', {
      body: {
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
        client_id: this.settings.clientId,
        client_secret: this.settings.clientSecret,
      },
      ...FORM,
    });
    if (!response.ok) return { status: response.status };
    const body = tokenResponse(data);
    return {
      accessToken: body.access_token,
      refreshToken: body.refresh_token,
      scope: body.scope ?? tokens.scope,
    };
  }

  /** RFC 7009 revocation of the access token; Pacekeeper revokes its refresh token with it. */
  async revoke(tokens: Tokens): Promise<number> {
    const { response } = await this.client.POST('/api/oauth/revoke', {
      body: {
        token: tokens.accessToken,
        token_type_hint: 'access_token',
        client_id: this.settings.clientId,
        client_secret: this.settings.clientSecret,
      },
      ...FORM,
    });
    return response.status;
  }
}
