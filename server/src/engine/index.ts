// The engine's façade: the one API the CLI, the language server and the tests call. Pure: texts in, plain objects out.
import type { FileModel } from './model/types';
import { fileKindOf, parseToModel, type FileKind } from './parse';
import { runRules } from './rules/runRules';
import type { FileNotice, Finding } from './types';

export type { FileKind } from './parse';
export { fileKindOf } from './parse';
export * from './types';
export type * from './model/types';

/** The analysis of one file: its model, the findings on it, and notices about the file itself. */
export interface FileAnalysis {
  file: string;
  model: FileModel;
  findings: Finding[];
  notices: FileNotice[];
}

/** Parses a file's text; never throws. Returns undefined for a path that is not a Bicep or Terraform file. */
export function parseFile(file: string, text: string, kind: FileKind | undefined = fileKindOf(file)): FileModel | undefined {
  return kind ? parseToModel(file, text, kind) : undefined;
}

/**
 * Analyses one file on its own: parses it, runs every rule, and reports a notice when it did not parse cleanly.
 * Resources recovered from a broken file are still analysed, except those with an error inside them.
 */
export function analyzeFile(file: string, text: string, kind: FileKind | undefined = fileKindOf(file)): FileAnalysis | undefined {
  const model = parseFile(file, text, kind);
  if (!model) return undefined;
  const notices: FileNotice[] = [];
  const first = model.parseErrors[0];
  if (first) {
    const more = model.parseErrors.length > 1 ? ` (and ${model.parseErrors.length - 1} more)` : '';
    const message = /[.!?]$/.test(first.message) ? first.message.slice(0, -1) : first.message;
    notices.push({ file, level: 'error', message: `The file does not parse cleanly: ${message}${more}.`, span: first.span });
  }
  const run = runRules(model, text);
  notices.push(...run.failures);
  return { file, model, findings: run.findings, notices };
}
