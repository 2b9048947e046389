/** Picture extensions accepted by FitTrackee (docs/compatibility.md#constants). */
export const PICTURE_EXTENSIONS = ['jpg', 'png', 'gif'] as const;

/**
 * The image type told by the file's first bytes, whatever its name says: JPEG `FF D8 FF`,
 * PNG's 8-byte signature, `GIF87a` / `GIF89a`.
 */
export function detectImageType(content: Buffer): 'jpg' | 'png' | 'gif' | undefined {
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff)
    return 'jpg';
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  const head = content.subarray(0, 6).toString('latin1');
  if (head === 'GIF87a' || head === 'GIF89a') return 'gif';
  return undefined;
}

/** Extension after the last dot, lower-cased (FitTrackee `POST /api/auth/picture`). */
export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

/**
 * Werkzeug's `secure_filename`: ASCII only, path separators become spaces, runs of spaces
 * become `_`, only `[A-Za-z0-9_.-]` kept, no leading/trailing dots or underscores.
 */
export function secureFilename(filename: string): string {
  const ascii = filename.normalize('NFKD').replace(/[^\p{ASCII}]/gu, '');
  const spaced = ascii.replace(/[/\\]/g, ' ');
  const joined = spaced.trim().split(/\s+/).join('_');
  return joined.replace(/[^A-Za-z0-9_.-]/g, '').replace(/^[._]+|[._]+$/g, '');
}
