// The problems met while collecting and reading inputs, reported beside (not instead of) the review.

/** Why an input was not reviewed, or was reviewed with a caveat. */
export type ProblemReason =
  /** A path named on the command line does not exist: the run fails with exit code 2. */
  | 'missing'
  /** A file or folder could not be read (permissions, I/O error). */
  | 'unreadable'
  /** Larger than the size limit. */
  | 'too-large'
  /** NUL bytes near the start: not text. */
  | 'binary'
  /** A named file whose extension is not one we review. */
  | 'not-iac'
  /** Neither a file nor a folder (a socket, a pipe, a device), or a broken symbolic link. */
  | 'not-a-file'
  /** A symbolic link whose target lies outside the folder it was found under. */
  | 'outside-root'
  /** The engine threw on the file; reported so a user can tell us, while the other files stand. */
  | 'analysis-failed';

/** One problem with one input path. */
export interface InputProblem {
  reason: ProblemReason;
  level: 'error' | 'warning' | 'note';
  /** The path as shown to users (cwd-relative, `/`-separated). */
  path: string;
  /** A full sentence. */
  message: string;
}

/** The Node error code (`EACCES`, `ENOENT`, …) or else the message, for one-line problem reports. */
export function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
