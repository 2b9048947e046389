import { bearerCheck } from 'src/common/metrics/metrics-endpoint';

describe('bearerCheck', () => {
  const check = bearerCheck('the-metrics-token-0123');

  it.each([
    [undefined, 401],
    ['', 401],
    ['Basic dXNlcjpwYXNz', 401],
    ['Bearer', 401],
    ['Bearer the-metrics-token-0123', 200],
    ['bearer the-metrics-token-0123', 200],
    ['Bearer the-metrics-token-012', 403],
    ['Bearer the-metrics-token-01234', 403],
    ['Bearer THE-METRICS-TOKEN-0123', 403],
  ])('%p → %p', (header, status) => {
    expect(check(header)).toBe(status);
  });
});
