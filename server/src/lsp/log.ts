// The server's log: levelled messages to the client's log (the "WAF AI Lens" output channel in VS Code, the LSP log elsewhere).
import type { RemoteConsole } from 'vscode-languageserver';

/** How much the server logs; `debug` adds per-document timings and the parse errors the official extensions already show. */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

const RANK: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

/** Analyses slower than this are logged at `info` level, so a slow file shows up without turning on debug logging. */
export const SLOW_ANALYSIS_MS = 100;

/** A small levelled logger; the only part of the server that writes to the client's console. */
export interface Logger {
  error(message: string, error?: unknown): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
  /** Changes the level, e.g. from the client's `initializationOptions.logLevel`. */
  setLevel(level: LogLevel): void;
}

/** True for the strings `setLevel` accepts, so settings from the client can be checked before use. */
export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(RANK, value);
}

/** Describes a thrown value with its stack when it has one; errors from handlers must stay diagnosable from the log alone. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * Creates a logger over the connection's console.
 * Debug lines go out as plain `log` messages rather than LSP 3.18 `Debug` ones, because older clients drop unknown message types.
 */
export function createLogger(console: RemoteConsole, level: LogLevel = 'info'): Logger {
  let current = level;
  const enabled = (wanted: LogLevel): boolean => RANK[wanted] <= RANK[current];
  // A log line must never take the server down: the transport may already be closed while we shut down.
  const send = (write: (line: string) => void, line: string): void => {
    try {
      write(line);
    } catch {
      // Nothing sensible is left to report to.
    }
  };
  return {
    error(message, error) {
      if (enabled('error')) send((l) => console.error(l), error === undefined ? message : `${message}\n${describeError(error)}`);
    },
    warn(message) {
      if (enabled('warn')) send((l) => console.warn(l), message);
    },
    info(message) {
      if (enabled('info')) send((l) => console.info(l), message);
    },
    debug(message) {
      if (enabled('debug')) send((l) => console.log(l), `[debug] ${message}`);
    },
    setLevel(next) {
      current = next;
    },
  };
}
