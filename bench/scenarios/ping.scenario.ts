import type { Scenario } from './scenario';

export const pingScenario: Scenario = {
  name: 'GET /api/ping',
  prepare: () => ({ requests: [{ method: 'GET', path: '/api/ping' }] }),
};
