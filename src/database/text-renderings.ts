/**
 * Renderings of values PostgreSQL sends as text, kept by the text itself: the same text
 * always renders the same, so one rendering serves every response that carries that text, in
 * every request, and never goes stale (a change in the data is a new text). Renderings are
 * shared, so `render` must return values nothing changes afterwards (frozen). At most `limit`
 * are kept, the oldest dropped first; a miss only costs a rendering.
 */
export class TextRenderings<V> {
  private readonly renderings = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(text: string, render: (text: string) => V): V {
    const kept = this.renderings.get(text);
    if (kept !== undefined) return kept;
    const rendered = render(text);
    this.keep(text, rendered);
    return rendered;
  }

  /** Keeps `rendering` for `text`, in place of the one kept so far. */
  keep(text: string, rendering: V): void {
    this.renderings.delete(text);
    if (this.renderings.size >= this.limit) {
      const oldest = this.renderings.keys().next();
      if (oldest.done !== true) this.renderings.delete(oldest.value);
    }
    this.renderings.set(text, rendering);
  }

  get size(): number {
    return this.renderings.size;
  }
}
