import {
  ZipInvalidError,
  ZipMemberTooLargeError,
  ZipTooLargeError,
  ZipTooManyFilesError,
  ZipUnsafeEntryError,
} from 'src/workouts/files/workout-file.errors';
import {
  isDirectoryName,
  isSymlinkEntry,
  isUnsafeEntryName,
  readEntryName,
} from 'src/workouts/files/zip/zip-entry-name';
import type { Entry, ZipFile } from 'yauzl';
import { fromBufferPromise, openPromise } from 'yauzl';

export interface ZipMember {
  /** Name inside the archive, `/`-separated, already checked safe. */
  name: string;
  data: Buffer;
}

export interface ZipReadOptions {
  /** Members that count against `maxCounted` and whose declared size is checked. */
  isCounted: (name: string) => boolean;
  /** More counted members than this → ZipTooManyFilesError. */
  maxCounted: number;
  /** Members to inflate and return, in central-directory order. */
  isSelected: (name: string) => boolean;
  /** Per member, declared and actually inflated bytes. */
  maxMemberBytes: number;
  /** All inflated bytes together. */
  maxTotalBytes: number;
}

interface ListedEntry {
  name: string;
  entry: Entry;
}

/**
 * Reads a zip archive into memory without ever trusting it: every name is checked before
 * anything is inflated, declared sizes are checked, and the bytes actually inflated are
 * counted so that a lying header cannot make us inflate more than the caps
 * (docs/uploads.md#hostile-input). `source` is the archive itself or the path of a file holding it.
 */
export async function readZipMembers(
  source: Buffer | string,
  options: ZipReadOptions,
): Promise<ZipMember[]> {
  const zip = await openZip(source);
  try {
    const entries = await listEntries(zip);
    const counted = entries.filter((e) => options.isCounted(e.name));
    if (counted.length > options.maxCounted) throw new ZipTooManyFilesError();
    const selected = entries.filter((e) => options.isSelected(e.name));
    for (const { entry } of [...counted, ...selected]) {
      if (entry.uncompressedSize > options.maxMemberBytes) throw new ZipMemberTooLargeError();
    }
    const members: ZipMember[] = [];
    let total = 0;
    for (const { name, entry } of selected) {
      const data = await inflateEntry(zip, entry, options.maxMemberBytes, (bytes) => {
        total += bytes;
        if (total > options.maxTotalBytes) throw new ZipTooLargeError(options.maxTotalBytes);
      });
      members.push({ name, data });
    }
    return members;
  } finally {
    zip.close();
  }
}

async function openZip(source: Buffer | string): Promise<ZipFile> {
  const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: false };
  try {
    return typeof source === 'string'
      ? await openPromise(source, { ...options, autoClose: false })
      : await fromBufferPromise(source, options);
  } catch {
    throw new ZipInvalidError();
  }
}

async function listEntries(zip: ZipFile): Promise<ListedEntry[]> {
  const listed: ListedEntry[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      const name = readEntryName(entry);
      if (isUnsafeEntryName(name) || isSymlinkEntry(entry)) throw new ZipUnsafeEntryError();
      if (!isDirectoryName(name)) listed.push({ name, entry });
    }
  } catch (error) {
    if (error instanceof ZipUnsafeEntryError) throw error;
    throw new ZipInvalidError();
  }
  return listed;
}

/** Inflates one member, aborting the stream as soon as a cap is passed. */
async function inflateEntry(
  zip: ZipFile,
  entry: Entry,
  maxBytes: number,
  onBytes: (bytes: number) => void,
): Promise<Buffer> {
  if (entry.isEncrypted() || !entry.canDecodeFileData()) throw new ZipInvalidError();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw new ZipMemberTooLargeError();
      onBytes(chunk.length);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof ZipMemberTooLargeError || error instanceof ZipTooLargeError) throw error;
    throw new ZipInvalidError();
  }
  // A header that understates the size is a forged archive even below the caps.
  if (size !== entry.uncompressedSize) throw new ZipInvalidError();
  return Buffer.concat(chunks, size);
}
