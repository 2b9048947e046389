import { readdirSync, readFileSync } from 'node:fs';

/** Kernel clock ticks per second (USER_HZ), the unit of /proc/<pid>/stat's utime and stime. */
const TICKS_PER_SECOND = 100;

/** Which group a process belongs to, from its command name and line; undefined: not counted. */
export type ProcessGroup = (command: string, commandLine: string) => string | undefined;

/**
 * The PostgreSQL backends serving one database (their title names it), the built server at one
 * path (all its workers), and the bench's bare Nest app: two benches on one machine do not
 * count each other.
 */
export function benchGroups(main: string, databaseName: string): ProcessGroup {
  return (command, commandLine) => {
    if (command.startsWith('postgres'))
      return commandLine.includes(` ${databaseName} `) ? 'postgres' : undefined;
    if (command !== 'node') return undefined;
    if (commandLine.includes(main)) return 'server';
    if (commandLine.includes('bare-nest')) return 'bare';
    return undefined;
  };
}

/** CPU seconds (user + system) of each counted process, by `<pid>:<start time>`, with its group. */
export type CpuReading = Map<string, { group: string; seconds: number }>;

/**
 * The fields of a /proc/<pid>/stat line after "(comm) ", the state first: proc(5)'s field n
 * is at index n - 3. The command name may hold spaces and parentheses; it ends at the last ")".
 */
function fieldsAfterCommand(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/**
 * CPU seconds used so far by the live processes of each group, from /proc. Two readings
 * around a measurement give each group's CPU time per request: unlike requests per second, it
 * hardly moves when other work shares the machine.
 */
export function cpuSecondsByGroup(group: ProcessGroup): CpuReading {
  const reading: CpuReading = new Map();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const key = group(command, readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
      if (key === undefined) continue;
      // utime and stime are fields 14 and 15, the start time field 22 (with the pid, it names a
      // process even if the pid is reused).
      const fields = fieldsAfterCommand(stat);
      const ticks = Number(fields[11]) + Number(fields[12]);
      reading.set(`${pid}:${fields[19] ?? ''}`, { group: key, seconds: ticks / TICKS_PER_SECOND });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return reading;
}

/**
 * CPU seconds (user + system) of this process's children that have ended and been waited for
 * (cutime and cstime in /proc/self/stat): around a synchronous run of the load generator, the
 * difference is the load generator's own CPU time, for no other child is waited for meanwhile.
 */
export function reapedChildrenCpuSeconds(stat = readFileSync('/proc/self/stat', 'utf8')): number {
  // cutime and cstime are fields 16 and 17.
  const fields = fieldsAfterCommand(stat);
  return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
}

/**
 * Microseconds of CPU per request of each group between two readings, process by process: a
 * process started in between counts from zero; one that ended in between (a PostgreSQL
 * backend whose pool connection went idle and closed) cannot be read any more, and its time in
 * the window is missing rather than subtracted.
 */
export function cpuPerRequest(
  before: CpuReading,
  after: CpuReading,
  requests: number,
): Record<string, number> {
  const seconds = new Map<string, number>();
  for (const [key, { group, seconds: now }] of after) {
    const delta = now - (before.get(key)?.seconds ?? 0);
    seconds.set(group, (seconds.get(group) ?? 0) + delta);
  }
  const result: Record<string, number> = {};
  for (const [group, value] of seconds)
    result[group] = Math.round((value * 1e6) / Math.max(requests, 1));
  return result;
}
