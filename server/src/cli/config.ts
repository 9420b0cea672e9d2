// Reads the CLI's `.waf-ai-lens.json` (named by --config, else found in the current folder); problems are reported, never fatal.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, parseConfigText, type WafConfig } from '../engine';
import { LineMap } from '../engine/text/lines';
import { displayPath } from './paths';
import { errorCode } from './problems';

/** The settings a review runs with: the config, and the folder its `exclude` globs are relative to. */
export interface ReviewSettings {
  config: WafConfig;
  /** The config file's folder (the current folder when there is no config file). */
  root: string;
}

export type LoadedConfig =
  | { kind: 'loaded'; settings: ReviewSettings; /** One line per problem, `path:line:col: severity: message`. */ problems: string[] }
  /** `--config` named a file that cannot be read: a usage error, since the user asked for that file. */
  | { kind: 'error'; message: string };

/**
 * Loads the config: the file `--config` names (relative to `cwd`), else `.waf-ai-lens.json` in `cwd` when it exists,
 * else none (every default). What is invalid in the file is reported and left at its default, as in the editor.
 */
export function loadConfig(explicit: string | undefined, cwd: string): LoadedConfig {
  const file = path.resolve(cwd, explicit ?? CONFIG_FILE_NAME);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (explicit === undefined) return { kind: 'loaded', settings: { config: {}, root: cwd }, problems: [] };
    return { kind: 'error', message: `the config file ${displayPath(file, cwd)} could not be read (${errorCode(error)})` };
  }
  const parsed = parseConfigText(text);
  const lines = new LineMap(text);
  const shown = displayPath(file, cwd);
  const problems = parsed.problems.map((p) => {
    const { line, column } = lines.lineColumn(p.span.start);
    return `${shown}:${line}:${column}: ${p.severity}: ${p.message}`;
  });
  return { kind: 'loaded', settings: { config: parsed.config, root: path.dirname(file) }, problems };
}
