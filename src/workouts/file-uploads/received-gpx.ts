import type { ReceivingFile } from 'src/workouts/file-uploads/staged-writes';
import type { ChunkSink } from 'src/workouts/file-uploads/upload-storage-engine';
import type { StagedFile } from 'src/workouts/files/storage/workout-file-storage';
import { GpxStreamReader } from 'src/workouts/gpx/gpx-parser';
import type { ParsedGpx } from 'src/workouts/gpx/gpx-types';

type Outcome = { parsed: ParsedGpx } | { error: unknown };

/**
 * A `.gpx` file part while it arrives: each chunk is handed to its temp file and read by the
 * GPX reader at once, so storing and parsing overlap the upload itself. A refusal is kept, not
 * thrown: the upload reports it only after the checks the reference makes first
 * (docs/uploads.md#validation, rule 9 comes after the payload and sport checks).
 */
export class ReceivedGpx implements ChunkSink {
  private readonly reader = new GpxStreamReader();
  private outcome: Outcome | null = null;

  constructor(private readonly stored: ReceivingFile) {}

  write(chunk: Buffer): void {
    this.stored.write(chunk);
    if (this.outcome !== null) return;
    try {
      this.reader.write(chunk);
    } catch (error) {
      this.outcome = { error };
    }
  }

  end(): void {
    this.stored.end();
    if (this.outcome !== null) return;
    try {
      this.outcome = { parsed: this.reader.end() };
    } catch (error) {
      this.outcome = { error };
    }
  }

  /** Settles once the file is written and synced (see `StagedWrites.receiveUnnamed`). */
  file(): Promise<StagedFile> {
    return this.stored.file();
  }

  /** The parsed file, or the `GpxError` that refused it. */
  parsed(): ParsedGpx {
    if (this.outcome === null) throw new Error('gpx file not received');
    if ('error' in this.outcome) throw this.outcome.error;
    return this.outcome.parsed;
  }
}
