/** Attributes of one start tag, reused from tag to tag (no per-element objects). */
export interface XmlAttributes {
  count: number;
  readonly names: string[];
  readonly values: string[];
}

/** What the XML tokenizer reports to (the GPX document builder). */
export interface XmlHandler {
  /** Whether character data is wanted now (saves decoding the whitespace between tags). */
  readonly isCapturing: boolean;
  openTag(name: string, attributes: XmlAttributes): void;
  closeTag(): void;
  characters(text: string): void;
  /**
   * Optionally reads a whole element starting at `lt` (`<` of its start tag) by itself;
   * returns the position after it, or −1 to let the tokenizer read it event by event.
   */
  readElement?(buf: Buffer, lt: number): number;
}

export function attributeValue(attributes: XmlAttributes, name: string): string | undefined {
  for (let k = 0; k < attributes.count; k++) {
    if (attributes.names[k] === name) return attributes.values[k];
  }
  return undefined;
}
