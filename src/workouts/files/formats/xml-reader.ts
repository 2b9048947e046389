import { SaxesParser } from 'saxes';

export interface XmlHandlers {
  /** `path` holds the local names (prefix removed) of the open elements, root first. */
  open: (local: string, attributes: Record<string, string>, path: readonly string[]) => void;
  /** Called with the element's own text (trimmed) when it closes. */
  close: (local: string, text: string, path: readonly string[]) => void;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/**
 * Streams an XML document through saxes with no DTD at all: a DOCTYPE is refused outright,
 * so no entity is ever declared, expanded or fetched (docs/uploads.md#hostile-input); saxes
 * itself rejects undefined entities. Throws on any well-formedness error or bad UTF-8.
 */
export function readXml(data: Buffer, handlers: XmlHandlers): void {
  const text = utf8.decode(data);
  const parser = new SaxesParser({ position: false });
  const path: string[] = [];
  let buffer = '';
  parser.on('doctype', () => {
    throw new Error('DTD not allowed');
  });
  parser.on('opentag', (node) => {
    const local = localName(node.name);
    path.push(local);
    buffer = '';
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(node.attributes as Record<string, unknown>)) {
      if (typeof value === 'string') attributes[localName(key)] = value;
    }
    handlers.open(local, attributes, path);
  });
  parser.on('text', (chunk) => {
    buffer += chunk;
  });
  parser.on('cdata', (chunk) => {
    buffer += chunk;
  });
  parser.on('closetag', (node) => {
    handlers.close(localName(node.name), buffer.trim(), path);
    path.pop();
    buffer = '';
  });
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(text).close();
}
