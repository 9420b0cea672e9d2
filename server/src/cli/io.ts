// The CLI's window on the world: where it writes, which folder it is in, its environment; swapped for buffers in tests.

/** A stream the CLI writes whole chunks of text to. */
export interface OutputStream {
  write(text: string): void;
  /** True when a person is looking at it (a terminal), which is when colour may be used. */
  isTTY?: boolean;
}

/** Everything `main` needs from the process, so it can run in-process in tests with captured output. */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  /** The folder paths are resolved against and shown relative to. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** The real process's streams, folder and environment. */
export function processIo(): CliIo {
  return {
    stdout: { write: (text) => void process.stdout.write(text), isTTY: process.stdout.isTTY === true },
    stderr: { write: (text) => void process.stderr.write(text), isTTY: process.stderr.isTTY === true },
    cwd: process.cwd(),
    env: process.env,
  };
}
