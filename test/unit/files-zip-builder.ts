import { ZipFile } from 'yazl';

export interface ZipFileSpec {
  name: string;
  data: Buffer | string;
  /** Unix mode, e.g. 0o120777 for a symbolic link. */
  mode?: number;
  compress?: boolean;
}

/** Builds a zip in memory with yazl (which itself refuses unsafe names: see `renameMember`). */
export async function buildZip(files: ZipFileSpec[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const file of files) {
    const data = typeof file.data === 'string' ? Buffer.from(file.data) : file.data;
    zip.addBuffer(data, file.name, {
      compress: file.compress ?? true,
      ...(file.mode === undefined ? {} : { mode: file.mode }),
    });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Replaces a member name by another of the same byte length in every header. */
export function renameMember(zip: Buffer, from: string, to: string): Buffer {
  const source = Buffer.from(from);
  const target = Buffer.from(to);
  if (source.length !== target.length) throw new Error('names must have the same byte length');
  const out = Buffer.from(zip);
  let at = out.indexOf(source);
  while (at >= 0) {
    target.copy(out, at);
    at = out.indexOf(source, at + target.length);
  }
  return out;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;

/** Forges the declared uncompressed size of every member (local and central headers). */
export function forgeDeclaredSize(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 4 <= out.length; i++) {
    const signature = out.readUInt32LE(i);
    if (signature === LOCAL) out.writeUInt32LE(size, i + 22);
    if (signature === CENTRAL) out.writeUInt32LE(size, i + 24);
  }
  return out;
}

/** Sets the "encrypted" general-purpose flag of every member. */
export function markEncrypted(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 4 <= out.length; i++) {
    const signature = out.readUInt32LE(i);
    if (signature === LOCAL) out.writeUInt16LE(out.readUInt16LE(i + 6) | 1, i + 6);
    if (signature === CENTRAL) out.writeUInt16LE(out.readUInt16LE(i + 8) | 1, i + 8);
  }
  return out;
}
