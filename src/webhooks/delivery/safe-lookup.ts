import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';

import { isNonPublicAddress } from 'src/webhooks/delivery/ip-policy';

/** The resolved address of a callback host is not public (docs/webhooks.md#callback-urls). */
export class TargetRefusedError extends Error {
  constructor(host: string, address: string) {
    super(`${host} resolves to ${address}, a private, loopback or link-local address`);
  }
}

/**
 * A `lookup` for http(s).request that resolves the host, refuses it when any of its addresses
 * is not public, and hands the socket the very address it checked: a second resolution cannot
 * swap in another one (DNS rebinding).
 */
export function safeLookup(isPrivateAllowed: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      const refused = isPrivateAllowed
        ? undefined
        : addresses.find((entry) => isNonPublicAddress(entry.address));
      const chosen = addresses[0];
      if (refused !== undefined || chosen === undefined) {
        callback(new TargetRefusedError(hostname, refused?.address ?? 'nothing'), '', 0);
        return;
      }
      if (options.all === true) callback(null, [chosen]);
      else callback(null, chosen.address, chosen.family);
    });
  };
}
