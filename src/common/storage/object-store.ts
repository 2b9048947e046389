import type { Readable } from 'node:stream';

/** An object opened for reading: its bytes arrive as a stream, never buffered whole. */
export interface OpenedObject {
  stream: Readable;
  size: number;
}

export interface StoredObject {
  /** Relative to the store's root (the upload folder, or the key prefix). */
  path: string;
  size: number;
  lastModified: Date;
}

/**
 * Where files live once written (docs/storage.md): workout GPX files and maps, pictures,
 * export archives. Paths are relative (`workouts/1/x.gpx`); each driver maps them to a file
 * under the upload folder or to an object key.
 */
export interface ObjectStore {
  /**
   * Whole-object write: readers see the old object or the new one, never a part. A stream
   * comes with its size (S3 needs it before the first byte).
   */
  put(path: string, body: Buffer | OpenedObject): Promise<void>;
  /** null when the object does not exist. */
  open(path: string): Promise<OpenedObject | null>;
  read(path: string): Promise<Buffer | null>;
  /** A missing object is not an error. */
  remove(path: string): Promise<void>;
  /** Every object whose path starts with `folder/`. */
  removeFolder(folder: string): Promise<void>;
  list(folder: string): Promise<StoredObject[]>;
}
