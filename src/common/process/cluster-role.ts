/**
 * What this process does when the server runs as a cluster (docs/deployment.md#processes). The
 * primary sets it on each worker it forks: one `background` worker runs the start-up and
 * periodic sweeps, the timers and the job worker; the others only answer HTTP. Unset outside a
 * cluster: the one process does everything, migrations included.
 */
export const CLUSTER_ROLE_ENV = 'PACEKEEPER_CLUSTER_ROLE';

export type ClusterRole = 'background' | 'http';

function role(): ClusterRole | undefined {
  const value = process.env[CLUSTER_ROLE_ENV];
  return value === 'background' || value === 'http' ? value : undefined;
}

/** False in a cluster's HTTP-only workers: sweeps, timers and the job worker run elsewhere. */
export function runsBackgroundWork(): boolean {
  return role() !== 'http';
}

/** False in every cluster worker: the primary applied the migrations before forking them. */
export function runsMigrations(): boolean {
  return role() === undefined;
}
