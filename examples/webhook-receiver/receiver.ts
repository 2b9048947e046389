import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

import { verifyWebhook } from './verify-webhook';

/**
 * A minimal webhook receiver: answers the subscription handshake, verifies each delivery's
 * signature, drops deliveries already seen (by delivery id) and logs the event.
 * Run: WEBHOOK_SECRET=whsec_... PORT=4000 npx ts-node examples/webhook-receiver/receiver.ts
 */
const secret = process.env['WEBHOOK_SECRET'] ?? '';
const seen = new Set<string>();

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
    });
    request.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://receiver');
  if (request.method === 'GET') {
    // The handshake: echo the challenge.
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ 'hub.challenge': url.searchParams.get('hub.challenge') }));
    return;
  }
  const body = await readBody(request);
  const isValid = verifyWebhook(secret, body, {
    timestamp: request.headers['x-pacekeeper-timestamp'] as string | undefined,
    signature: request.headers['x-pacekeeper-signature'] as string | undefined,
  });
  if (!isValid) {
    response.statusCode = 401;
    response.end();
    return;
  }
  const deliveryId = String(request.headers['x-pacekeeper-delivery']);
  // At-least-once: the same delivery may arrive twice; handle it once.
  if (!seen.has(deliveryId)) {
    seen.add(deliveryId);
    console.log(request.headers['x-pacekeeper-event'], body);
  }
  response.statusCode = 204;
  response.end();
}

createServer((request, response) => {
  handle(request, response).catch(() => {
    response.statusCode = 500;
    response.end();
  });
}).listen(Number(process.env['PORT'] ?? 4000));
