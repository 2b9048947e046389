import { hasDays, parseInteger, unlessRefused } from 'src/workouts/query-params';

describe('unlessRefused', () => {
  it("gives the parse's value, or undefined where the parse refuses the request", () => {
    expect(unlessRefused(() => parseInteger('12'))).toBe(12);
    expect(unlessRefused(() => parseInteger('twelve'))).toBeUndefined();
  });

  it('lets any other error through: a bug is not a refusal', () => {
    expect(() => {
      unlessRefused(() => {
        throw new TypeError('broken');
      });
    }).toThrow(TypeError);
  });
});

describe('hasDays', () => {
  it('sees from or to, given and not empty', () => {
    expect(hasDays({ from: '2024-01-01' })).toBe(true);
    expect(hasDays({ to: ['2024-01-01'] })).toBe(true);
    expect(hasDays({ from: '', sport_id: '1' })).toBe(false);
  });
});
