import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * The stored answer of an idempotent request may hold a secret (an OAuth2 client secret is
 * returned once, at creation): it is sealed with AES-256-GCM under a key derived from the
 * application secret and the client's idempotency key, which is itself stored only as an
 * HMAC. A copy of the database alone reveals neither.
 */
export function deriveKey(secret: string, purpose: string, idempotencyKey: string): Buffer {
  return createHmac('sha256', secret).update(`${purpose}\0${idempotencyKey}`).digest();
}

export function seal(key: Buffer, associated: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associated));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Throws when the sealed text was not sealed with this key and associated data. */
export function unseal(key: Buffer, associated: string, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(associated));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
