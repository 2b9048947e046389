import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook must not reach unless private targets are allowed: this host, private
 * networks, link-local, shared and special-purpose ranges (RFC 6890, RFC 6598 CGNAT,
 * RFC 4193 ULA, RFC 4291 §2.5.5 IPv4-mapped, multicast), so that a callback URL cannot make
 * the server probe its own network.
 */
const NON_PUBLIC = new BlockList();
const IPV4_RANGES: readonly [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
const IPV6_RANGES: readonly [string, number][] = [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
];
for (const [network, prefix] of IPV4_RANGES) NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of IPV6_RANGES) NON_PUBLIC.addSubnet(network, prefix, 'ipv6');

/** True for an address a webhook may not reach by default; also for anything not an IP. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6 && isIpv4Mapped(address)) return true;
  return NON_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * `::ffff:a.b.c.d` (RFC 4291 §2.5.5.2) is refused whatever the IPv4 address: a public server
 * publishes its IPv4 address as such. Checked apart because BlockList matches a mapped subnet
 * against every IPv4 address too.
 */
function isIpv4Mapped(address: string): boolean {
  const normalized = new URL(`http://[${address}]/`).hostname;
  return /^\[::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}\]$/.test(normalized);
}
