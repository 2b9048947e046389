import express from 'express';
import { weakETag } from 'src/common/http/etag';

/** Express's own generator, the reference the tag must equal. */
const expressTag = express().get('etag fn') as (body: Buffer | string, encoding?: string) => string;

describe('weakETag', () => {
  it.each(['', '{"status":"success"}', 'é'.repeat(500), 'x'.repeat(100_000)])(
    'equals the tag Express generates (%#)',
    (text) => {
      const body = Buffer.from(text);
      expect(weakETag(body)).toBe(expressTag(body));
      expect(weakETag(text, 'utf8')).toBe(expressTag(text, 'utf8'));
    },
  );

  it('differs when one byte differs', () => {
    expect(weakETag(Buffer.from('{"a":1}'))).not.toBe(weakETag(Buffer.from('{"a":2}')));
  });
});
