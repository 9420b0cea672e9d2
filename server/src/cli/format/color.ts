// Decides whether text output is coloured and wraps strings in ANSI colours when it is.
import type { CliIo } from '../io';

/**
 * Colour only for a person at a terminal. `FORCE_COLOR` decides when set (`0`/`false` off, anything else on), as in
 * Node and most CLIs; otherwise a non-empty `NO_COLOR` (https://no-color.org) turns it off, and so does `TERM=dumb`.
 */
export function useColor(io: Pick<CliIo, 'stdout' | 'env'>): boolean {
  const force = io.env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (io.env['NO_COLOR']) return false;
  if (io.env['TERM'] === 'dumb') return false;
  return io.stdout.isTTY === true;
}

/** The handful of styles text output uses; each is the identity when colour is off. */
export interface Palette {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

/** A palette that colours, or one that leaves text as it is. */
export function palette(enabled: boolean): Palette {
  const wrap = (open: number, close: number) => (text: string) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}
