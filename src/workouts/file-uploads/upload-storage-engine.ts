import type { Request } from 'express';
import type { StorageEngine } from 'multer';

/** Where a file part's bytes go besides memory, chosen once its file name is known. */
export interface ChunkSink {
  write(chunk: Buffer): void;
  /** Called once the part is complete. */
  end(): void;
}

/** What the storage engine adds to multer's file object. */
export interface ReceivedChunks {
  /** The part's bytes as they arrived, not concatenated: nothing copies a large file twice. */
  chunks: Buffer[];
  size: number;
}

/**
 * A multer storage engine that keeps the file part in memory as its received chunks and hands
 * each chunk, as it arrives, to a sink (`openSink`, or none), so that a workout file can be on
 * its way to disk while the rest of the request is still being read.
 */
export class ChunkedMemoryStorage implements StorageEngine {
  constructor(private readonly openSink: (fileName: string) => ChunkSink | null) {}

  _handleFile(
    _request: Request,
    file: Express.Multer.File,
    callback: (error?: unknown, info?: Partial<Express.Multer.File>) => void,
  ): void {
    const chunks: Buffer[] = [];
    let size = 0;
    const sink = this.openSink(file.originalname);
    file.stream.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      sink?.write(chunk);
    });
    // A stream error is reported by multer itself (and ends the request with it).
    file.stream.on('end', () => {
      sink?.end();
      const info: Partial<Express.Multer.File> & ReceivedChunks = { chunks, size };
      callback(null, info);
    });
  }

  _removeFile(
    _request: Request,
    file: Express.Multer.File,
    callback: (error: Error | null) => void,
  ): void {
    const received = file as Express.Multer.File & Partial<ReceivedChunks>;
    received.chunks = [];
    callback(null);
  }
}
