// A tiny zip reader for the packaging tests: lists a .vsix's entries from its central directory and inflates one on request.
import * as zlib from 'node:zlib';

/** One file in a zip archive. */
export interface ZipEntry {
  /** The path inside the archive, with forward slashes. */
  name: string;
  compressedSize: number;
  size: number;
  /** The entry's bytes, uncompressed. */
  read(): Buffer;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * Lists the entries of a zip archive (no ZIP64, no encryption: a .vsix is neither).
 * The end-of-central-directory record is found by scanning back from the end, past a comment of up to 64 KiB.
 */
export function readZip(zip: Buffer): ZipEntry[] {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('Not a zip archive: no end-of-central-directory record.');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(offset) !== CENTRAL_FILE_HEADER) throw new Error(`Bad central directory header at offset ${offset}.`);
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) throw new Error(`${name}: ZIP64 entries are not supported.`);
    entries.push({
      name,
      compressedSize,
      size,
      read: () => {
        if (zip.readUInt32LE(localOffset) !== LOCAL_FILE_HEADER) throw new Error(`${name}: bad local header at offset ${localOffset}.`);
        // The local header's own name and extra lengths, which may differ from the central directory's.
        const start = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
        const data = zip.subarray(start, start + compressedSize);
        if (method === STORED) return Buffer.from(data);
        if (method === DEFLATED) return zlib.inflateRawSync(data);
        throw new Error(`${name}: compression method ${method} is not supported.`);
      },
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
