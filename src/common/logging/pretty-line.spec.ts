import { prettyLine } from 'src/common/logging/pretty-line';

const ESC = String.fromCharCode(27);

describe('prettyLine', () => {
  it('turns a JSON line into time, level, context and message', () => {
    const line = prettyLine(
      JSON.stringify({
        level: 40,
        time: Date.UTC(2026, 0, 2, 3, 4, 5),
        pid: 1,
        hostname: 'h',
        context: 'Jobs',
        msg: 'slow',
        queue: 'mail',
      }),
      false,
    );
    expect(line).toBe('03:04:05 WARN  [Jobs] slow queue=mail\n');
  });

  it('summarises a request line', () => {
    const line = prettyLine(
      JSON.stringify({
        level: 30,
        time: 0,
        msg: 'request completed',
        req: { id: 'x', method: 'GET', path: '/api/ping' },
        res: { statusCode: 200 },
        responseTime: 3,
      }),
      false,
    );
    expect(line).toBe('00:00:00 INFO  request completed GET /api/ping 200 3ms\n');
  });

  it('does not repeat fields the message already spells out', () => {
    const line = prettyLine(
      JSON.stringify({
        level: 60,
        time: 0,
        variable: 'PORT',
        msg: 'PORT=abc: must be a number. Fix it.',
      }),
      false,
    );
    expect(line).toBe('00:00:00 FATAL PORT=abc: must be a number. Fix it.\n');
  });

  it('prints the stack of an error under its line', () => {
    const line = prettyLine(
      JSON.stringify({ level: 50, time: 0, msg: 'boom', err: { stack: 'Error: boom\n    at x' } }),
      false,
    );
    expect(line).toBe('00:00:00 ERROR boom\nError: boom\n    at x\n');
  });

  it('colours the level only when asked (a terminal), never otherwise', () => {
    const json = JSON.stringify({ level: 50, time: 0, msg: 'x' });
    expect(prettyLine(json, true)).toContain(ESC);
    expect(prettyLine(json, false)).not.toContain(ESC);
  });

  it('passes a line that is not JSON through unchanged', () => {
    expect(prettyLine('plain', false)).toBe('plain\n');
  });
});
