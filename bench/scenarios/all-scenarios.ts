import { configScenario } from './config.scenario';
import { pingScenario } from './ping.scenario';
import type { Scenario } from './scenario';

/** Every scenario `npm run bench` runs, in order; add yours here. */
export const SCENARIOS: readonly Scenario[] = [pingScenario, configScenario];
