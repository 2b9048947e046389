import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { verifyWebhook } from 'examples/webhook-receiver/verify-webhook';

export interface ReceivedDelivery {
  deliveryId: string;
  event: string;
  body: Record<string, unknown>;
  rawBody: string;
  timestamp: string;
  signature: string;
  /** Whether the signature verified with the secret known at reception. */
  isSigned: boolean;
}

/** What the receiver answers a POST with: a status, or no answer at all. */
export type Answer = number | 'hang';

/**
 * A real HTTP webhook receiver on loopback: answers the handshake (or not), records every
 * delivery, verifies signatures with the example snippet, answers as scripted.
 */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  secret = '';
  /** Answers to the next POSTs, in order; then `defaultAnswer`. */
  script: Answer[] = [];
  defaultAnswer: Answer = 200;
  isEchoingChallenge = true;
  /** The `Location` of 3xx answers. */
  redirectTo: string | undefined;
  /** Milliseconds to wait before answering a POST. */
  delayMs = 0;
  private readonly hanging = new Set<ServerResponse>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      void receiver.handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  of(event: string): ReceivedDelivery[] {
    return this.received.filter((delivery) => delivery.event === event);
  }

  async waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`receiver: condition not met in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://receiver');
    if (req.method === 'GET') {
      res.setHeader('content-type', 'application/json');
      const challenge = url.searchParams.get('hub.challenge');
      res.end(JSON.stringify({ 'hub.challenge': this.isEchoingChallenge ? challenge : 'wrong' }));
      return;
    }
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const header = (name: string): string => String(req.headers[name] ?? '');
    this.received.push({
      deliveryId: header('x-pacekeeper-delivery'),
      event: header('x-pacekeeper-event'),
      body: JSON.parse(rawBody) as Record<string, unknown>,
      rawBody,
      timestamp: header('x-pacekeeper-timestamp'),
      signature: header('x-pacekeeper-signature'),
      isSigned: verifyWebhook(this.secret, rawBody, {
        timestamp: header('x-pacekeeper-timestamp'),
        signature: header('x-pacekeeper-signature'),
      }),
    });
    const answer = this.script.shift() ?? this.defaultAnswer;
    if (answer === 'hang') {
      this.hanging.add(res);
      return;
    }
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    res.statusCode = answer;
    if (this.redirectTo !== undefined) res.setHeader('location', this.redirectTo);
    res.end();
  }
}
