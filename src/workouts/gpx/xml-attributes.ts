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
}

export function attributeValue(attributes: XmlAttributes, name: string): string | undefined {
  for (let k = 0; k < attributes.count; k++) {
    if (attributes.names[k] === name) return attributes.values[k];
  }
  return undefined;
}
