import { statement, StatementCache } from 'src/database/prepared-queries';

describe('prepared statements', () => {
  it('one name per text, the same in every process', () => {
    const a = statement('SELECT 1');
    expect(statement('SELECT 1')).toEqual(a);
    expect(statement('SELECT 2').name).not.toBe(a.name);
    // PostgreSQL truncates identifiers at 63 bytes: the name stays well under.
    expect(a.name).toMatch(/^pk_[A-Za-z0-9_-]{22}$/);
  });

  it('the cache hands back one statement per text and stays bounded', () => {
    const cache = new StatementCache(2);
    const first = cache.get('SELECT 1');
    expect(cache.get('SELECT 1')).toBe(first);
    cache.get('SELECT 2');
    cache.get('SELECT 3');
    expect(cache.get('SELECT 1')).not.toBe(first);
    expect(cache.get('SELECT 1')).toEqual(first);
  });
});
