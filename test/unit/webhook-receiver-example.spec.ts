import { verifyWebhook } from 'examples/webhook-receiver/verify-webhook';
import { signPayload, subscriptionSecret } from 'src/webhooks/delivery/signer';
import { eventBody } from 'src/webhooks/dispatch/event-body';

describe('examples/webhook-receiver verifies what the server signs', () => {
  const secret = subscriptionSecret('server-key-long-enough-for-tests', 'ab'.repeat(32));
  const body = eventBody('6f1d8a4b-2c3e-4b5a-8d9e-0f1a2b3c4d5e', 'hVL8Hw0sY1zB4sW9kQdJ2xTf', {
    type: 'workout.created',
    username: 'sam',
    workout_uuid: '2573d116-caca-4186-bd99-95afad56bcd8',
    changes: null,
    occurred_at: new Date('2026-05-04T08:16:00Z'),
  });
  const now = 1_780_000_000;
  const signature = signPayload(secret, now, body);

  it('accepts a real signature', () => {
    expect(verifyWebhook(secret, body, { timestamp: String(now), signature }, now + 10)).toBe(true);
  });

  it('refuses a tampered body, another secret, a moved timestamp, a stale delivery', () => {
    const other = subscriptionSecret('server-key-long-enough-for-tests', 'cd'.repeat(32));
    expect(verifyWebhook(secret, `${body} `, { timestamp: String(now), signature }, now)).toBe(
      false,
    );
    expect(verifyWebhook(other, body, { timestamp: String(now), signature }, now)).toBe(false);
    expect(verifyWebhook(secret, body, { timestamp: String(now + 1), signature }, now)).toBe(false);
    expect(verifyWebhook(secret, body, { timestamp: String(now), signature }, now + 301)).toBe(
      false,
    );
    expect(verifyWebhook(secret, body, { timestamp: undefined, signature }, now)).toBe(false);
  });

  it('signs with a secret shown as whsec_ + 43 base64url characters, stable per seed', () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(subscriptionSecret('server-key-long-enough-for-tests', 'ab'.repeat(32))).toBe(secret);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
  });
});
