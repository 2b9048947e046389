import type { Scenario } from './scenario';

/** Reads the single app_config row and counts users: one database round trip or two. */
export const configScenario: Scenario = {
  name: 'GET /api/config',
  prepare: () => ({ requests: [{ method: 'GET', path: '/api/config' }] }),
};
