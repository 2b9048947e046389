import { SqlParams } from 'src/database/sql-params';

describe('SqlParams', () => {
  it('numbers placeholders in the order values are added', () => {
    const params = new SqlParams();
    expect(params.add('a')).toBe('$1');
    expect(params.add(2)).toBe('$2');
    expect(params.values).toEqual(['a', 2]);
  });

  it('reads an unplanned value through a one-row sub-select, still as a parameter', () => {
    const params = new SqlParams();
    params.add('first');
    expect(params.addUnplanned(7, 'int')).toBe('(SELECT $2::int)');
    expect(params.addUnplanned('year', 'varchar')).toBe('(SELECT $3::varchar)');
    expect(params.values).toEqual(['first', 7, 'year']);
  });

  it("numbers after the values of the statement's fixed part", () => {
    const params = new SqlParams([1, 'digest']);
    expect(params.add('late')).toBe('$3');
    expect(params.values).toEqual([1, 'digest', 'late']);
  });
});
