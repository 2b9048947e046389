import { type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

import { literalAddress } from 'src/webhooks/delivery/callback-url';
import { isNonPublicAddress } from 'src/webhooks/delivery/ip-policy';
import { safeLookup, TargetRefusedError } from 'src/webhooks/delivery/safe-lookup';

export interface OutboundRequest {
  method: 'GET' | 'POST';
  url: URL;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  isPrivateAllowed: boolean;
  /** Bytes of the answer kept; the rest is discarded. */
  maxBodyBytes: number;
}

export interface OutboundResponse {
  status: number;
  body: string;
}

/**
 * One request to a callback: the SSRF-checked address, no redirect followed (a 3xx is just a
 * status), a timeout over the whole exchange, DNS lookup included.
 */
export function sendOutbound(req: OutboundRequest): Promise<OutboundResponse> {
  const literal = literalAddress(req.url.hostname);
  if (literal !== undefined && !req.isPrivateAllowed && isNonPublicAddress(literal))
    return Promise.reject(new TargetRefusedError(req.url.hostname, literal));
  const send = req.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<OutboundResponse>((resolve, reject) => {
    const outgoing = send(req.url, {
      method: req.method,
      headers: {
        ...req.headers,
        ...(req.body === undefined ? {} : { 'content-length': Buffer.byteLength(req.body) }),
      },
      lookup: safeLookup(req.isPrivateAllowed),
      agent: false,
    });
    const timer = setTimeout(() => {
      outgoing.destroy(new Error(`no answer within ${req.timeoutMs} ms`));
    }, req.timeoutMs);
    outgoing.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    outgoing.on('response', (response: IncomingMessage) => {
      readLimited(response, req.maxBodyBytes)
        .then((body) => {
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 0, body });
        })
        .catch((error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
    outgoing.end(req.body);
  });
}

function readLimited(response: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      if (size >= maxBytes) return;
      chunks.push(chunk);
      size += chunk.length;
      if (size >= maxBytes) {
        response.destroy();
        resolve(Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8'));
      }
    });
    response.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    response.on('error', reject);
  });
}
