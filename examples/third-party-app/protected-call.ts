/** A protected Pacekeeper API call and the scope it needs. */
export interface ProtectedCall {
  method: string;
  path: string;
  scope: string;
  body?: Record<string, unknown>;
}

/**
 * The call the example makes with its access token: the signed-in user's workouts
 * (FitTrackee `GET /api/workouts`, scope `workouts:read`, spec README §3).
 */
export const PROTECTED_API_CALL: ProtectedCall = {
  method: 'GET',
  path: '/api/workouts',
  scope: 'workouts:read',
};
