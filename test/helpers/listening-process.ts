import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** `st` of a socket in LISTEN state in /proc/net/tcp (include/net/tcp_states.h). */
const TCP_LISTEN = '0A';

/**
 * Whether process `pid` holds the socket listening on 127.0.0.1:`port`: a server answering
 * there may be another one. A port found free is free only until someone binds it, and the
 * suite's in-process apps bind ephemeral ports all the time (supertest listens on port 0 for
 * each request), so a child server that lost the race would be mistaken for the one that won.
 */
export function listensOn(pid: number, port: number): boolean {
  const local = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const inodes = new Set(
    readFileSync('/proc/net/tcp', 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[1] === local && fields[3] === TCP_LISTEN)
      .map((fields) => `socket:[${fields[9] ?? ''}]`),
  );
  if (inodes.size === 0) return false;
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return inodes.has(readlinkSync(`/proc/${pid}/fd/${fd}`));
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}
