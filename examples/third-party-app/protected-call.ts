/**
 * The protected Pacekeeper API call the example makes with its access token, and the scope it
 * asks for. Switch to `{ method: 'GET', path: '/api/workouts', scope: 'workouts:read' }` once
 * the workouts API is merged. `PATCH /api/config` with `max_users: 0` (the default value) is
 * an admin-only, idempotent call under `application:write` (spec README §3).
 */
export const PROTECTED_API_CALL = {
  method: 'PATCH',
  path: '/api/config',
  scope: 'application:write',
  body: { max_users: 0 },
} as const satisfies {
  method: string;
  path: string;
  scope: string;
  body?: Record<string, unknown>;
};
