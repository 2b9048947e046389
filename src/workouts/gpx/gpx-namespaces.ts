/**
 * The namespace view of ElementTree after gpxpy's preprocessing (gpxpy 1.6.2 `parser.py`):
 * gpxpy deletes the first default `xmlns="…"` declaration of the document before parsing, so
 * GPX elements come out as plain names; any other namespaced element is invisible to it.
 * An unbound prefix is an XML error (expat), hence `gpx file is invalid`.
 */
import type { XmlAttributes } from 'src/workouts/gpx/xml-attributes';

export interface NamespaceScope {
  /** Unprefixed elements here have no namespace (GPX elements for gpxpy). */
  readonly isDefaultEmpty: boolean;
  readonly prefixes: ReadonlySet<string>;
  readonly parent: NamespaceScope | null;
}

export const ROOT_SCOPE: NamespaceScope = {
  isDefaultEmpty: true,
  prefixes: new Set(['xml']),
  parent: null,
};

export class NamespaceTracker {
  private isFirstDefaultRemoved = false;

  /** The scope an element opens, or `scope` itself when it declares nothing; null if invalid. */
  enter(scope: NamespaceScope, attributes: XmlAttributes): NamespaceScope | null {
    let isDefaultEmpty = scope.isDefaultEmpty;
    let prefixes: Set<string> | null = null;
    let isChanged = false;
    for (let k = 0; k < attributes.count; k++) {
      const key = attributes.names[k] ?? '';
      if (key === 'xmlns') {
        const value = attributes.values[k] ?? '';
        isChanged = true;
        if (value !== '' && !this.isFirstDefaultRemoved) {
          this.isFirstDefaultRemoved = true;
          continue;
        }
        isDefaultEmpty = value === '';
      } else if (key.startsWith('xmlns:')) {
        if (attributes.values[k] === '') return null;
        prefixes ??= new Set<string>();
        prefixes.add(key.slice(6));
        isChanged = true;
      }
    }
    const next = isChanged
      ? { isDefaultEmpty, prefixes: prefixes ?? new Set<string>(), parent: scope }
      : scope;
    for (let k = 0; k < attributes.count; k++) {
      const key = attributes.names[k] ?? '';
      const colon = key.indexOf(':');
      if (colon > 0 && !key.startsWith('xmlns:') && !isBound(next, key.slice(0, colon)))
        return null;
    }
    return next;
  }

  /** Whether an element named `name` is a plain (GPX) element in `scope`; null if unbound. */
  isPlain(scope: NamespaceScope, name: string): boolean | null {
    const colon = name.indexOf(':');
    if (colon < 0) return scope.isDefaultEmpty;
    return isBound(scope, name.slice(0, colon)) ? false : null;
  }
}

function isBound(scope: NamespaceScope | null, prefix: string): boolean {
  for (let s = scope; s !== null; s = s.parent) if (s.prefixes.has(prefix)) return true;
  return false;
}
