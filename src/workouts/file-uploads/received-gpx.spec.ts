import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ReceivedGpx } from 'src/workouts/file-uploads/received-gpx';
import type { ReceivingFile } from 'src/workouts/file-uploads/staged-writes';
import type { StagedFile } from 'src/workouts/files/storage/workout-file-storage';
import { GpxError } from 'src/workouts/gpx/gpx-errors';
import { parseGpx } from 'src/workouts/gpx/gpx-parser';
import { sharedFixturesDir } from 'test/helpers/gpx-fixtures';
import { syntheticGpx } from 'test/helpers/synthetic-gpx';

/** A file that records what it is given, standing in for the temp file. */
function recordingFile(): ReceivingFile & { bytes: () => Buffer; isEnded: () => boolean } {
  const chunks: Buffer[] = [];
  let isEnded = false;
  const staged: StagedFile = { relativePath: '', tempPath: '/tmp/x.part' };
  return {
    write: (chunk) => {
      chunks.push(chunk);
    },
    end: () => {
      isEnded = true;
    },
    file: () => Promise.resolve(staged),
    bytes: () => Buffer.concat(chunks),
    isEnded: () => isEnded,
  };
}

function receive(
  content: Buffer,
  chunkSize: number,
): ReturnType<typeof recordingFile> & {
  received: ReceivedGpx;
} {
  const file = recordingFile();
  const received = new ReceivedGpx(file);
  for (let offset = 0; offset < content.length; offset += chunkSize)
    received.write(content.subarray(offset, offset + chunkSize));
  received.end();
  return { ...file, received };
}

const hostile = (name: string): Buffer =>
  readFileSync(path.join(sharedFixturesDir(), 'hostile', name));

describe('ReceivedGpx', () => {
  it.each([7, 4096, 65536])(
    'parses as it is received (chunks of %i bytes) exactly as the whole file parses',
    async (chunkSize) => {
      const content = syntheticGpx({ points: 2000 });
      const { received, bytes, isEnded } = receive(content, chunkSize);
      expect(received.parsed()).toEqual(await parseGpx(content));
      expect(bytes().equals(content)).toBe(true);
      expect(isEnded()).toBe(true);
    },
  );

  it.each([
    ['01_not_xml.gpx', 'gpx file is invalid'],
    ['02_truncated.gpx', 'gpx file is invalid'],
    ['03_no_tracks_route_only.gpx', 'no tracks in gpx file'],
    ['05_billion_laughs.gpx', 'gpx file is invalid'],
    ['06_xxe_etc_passwd.gpx', 'gpx file is invalid'],
  ])('keeps the refusal of %s until asked, and still stores every byte', (name, message) => {
    const content = hostile(name);
    let outcome: ReturnType<typeof receive> | undefined;
    expect(() => {
      outcome = receive(content, 64);
    }).not.toThrow();
    expect(outcome?.bytes().equals(content)).toBe(true);
    const error = ((): unknown => {
      try {
        outcome?.received.parsed();
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(GpxError);
    expect(error).toMatchObject({ body: { message } });
  });

  it('has no result before the file part ends', () => {
    const received = new ReceivedGpx(recordingFile());
    received.write(Buffer.from('<gpx>'));
    expect(() => received.parsed()).toThrow('gpx file not received');
  });
});
