// Reads the collected files as UTF-8 text, skipping (with a problem) files that are too large, binary or unreadable.
import * as fs from 'node:fs';
import { errorCode, type InputProblem } from './problems';
import type { CollectedFile } from './walk';

/** Files larger than this are skipped: no hand-written IaC file is this big, and parsing it would stall the run. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** How much of the start of a file is searched for a NUL byte, the sign of a binary file (as git does). */
export const BINARY_SNIFF_BYTES = 8 * 1024;

/** A file read for review. */
export interface InputFile extends CollectedFile {
  /** The text decoded as UTF-8; a byte-order mark is kept, the parsers handle it, and offsets stay true to the file. */
  text: string;
  /** Size on disk in bytes. */
  bytes: number;
}

/** The files read, in the order given, and the problems with the others. */
export interface ReadResult {
  inputs: InputFile[];
  problems: InputProblem[];
}

/** Reads every file; never throws on file-system errors. */
export function readInputs(files: readonly CollectedFile[]): ReadResult {
  const inputs: InputFile[] = [];
  const problems: InputProblem[] = [];
  for (const file of files) {
    const result = readOne(file);
    if ('text' in result) inputs.push(result);
    else problems.push(result);
  }
  return { inputs, problems };
}

function readOne(file: CollectedFile): InputFile | InputProblem {
  const skip = (reason: InputProblem['reason'], level: InputProblem['level'], message: string): InputProblem => ({
    reason,
    level,
    path: file.display,
    message,
  });
  let fd: number | undefined;
  try {
    fd = fs.openSync(file.path, 'r');
    // Check the size before reading, so a huge file is never loaded; check again after, in case it grew meanwhile.
    const size = fs.fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) return skip('too-large', 'warning', tooLarge(size));
    const buffer = fs.readFileSync(fd);
    if (buffer.length > MAX_FILE_BYTES) return skip('too-large', 'warning', tooLarge(buffer.length));
    if (buffer.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
      return skip('binary', 'warning', 'The file looks binary (it has NUL bytes near its start); skipped.');
    }
    // Buffer#toString keeps a leading BOM (TextDecoder would drop it and shift every offset by one).
    return { ...file, text: buffer.toString('utf8'), bytes: buffer.length };
  } catch (error) {
    return skip('unreadable', 'error', `The file could not be read (${errorCode(error)}).`);
  } finally {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // Closing a descriptor we opened for reading cannot lose data; nothing to report.
      }
    }
  }
}

function tooLarge(bytes: number): string {
  return `The file is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB (${bytes} bytes); skipped.`;
}
