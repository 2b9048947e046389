import { TextRenderings } from 'src/database/text-renderings';

describe('TextRenderings', () => {
  it('renders a text once and hands the same rendering out again', () => {
    const renderings = new TextRenderings<{ length: number }>(10);
    const render = jest.fn((text: string) => ({ length: text.length }));
    const first = renderings.get('abc', render);
    // An equal text built apart finds the same rendering.
    expect(renderings.get(['a', 'b', 'c'].join(''), render)).toBe(first);
    expect(render).toHaveBeenCalledTimes(1);
    expect(renderings.get('abcd', render)).toEqual({ length: 4 });
    expect(render).toHaveBeenCalledTimes(2);
  });

  it('keeps at most its limit, dropping the oldest first', () => {
    const renderings = new TextRenderings<string>(2);
    const render = jest.fn((text: string) => text.toUpperCase());
    for (const text of ['a', 'b', 'c']) renderings.get(text, render);
    expect(renderings.size).toBe(2);
    renderings.get('c', render);
    renderings.get('b', render);
    expect(render).toHaveBeenCalledTimes(3);
    renderings.get('a', render);
    expect(render).toHaveBeenCalledTimes(4);
    expect(renderings.size).toBe(2);
  });

  it('keeps a rendering given in place of the one it had', () => {
    const renderings = new TextRenderings<string>(2);
    renderings.get('a', () => 'first');
    renderings.keep('a', 'second');
    expect(renderings.get('a', () => 'third')).toBe('second');
    expect(renderings.size).toBe(1);
  });
});
