// The HCL front end's entry points: parse Terraform (.tf) or .tfvars text, and build its language-neutral model.
import type { ParseError, ParseResult } from '../../types';
import type { FileModel } from '../../model/types';
import type { HclFile } from './ast';
import { Parser } from './parser';
import { buildModel } from './toModel';

export type * from './ast';

/**
 * Parses Terraform (.tf) or .tfvars text into a syntax tree; never throws.
 * Returns the tree (as much of the text as could be recovered) and the syntax errors, sorted by offset.
 * Spans are half-open UTF-16 offsets into `text`.
 */
export function parseHcl(text: string): ParseResult<HclFile> {
  const errors: ParseError[] = [];
  let tree: HclFile;
  try {
    const parser = new Parser(text, errors);
    tree = parser.parseFile();
    const folded = parser.errorFold.summary();
    if (folded) errors.push(folded);
  } catch (e) {
    // Defence in depth: the parser is written not to throw, but an editor must never lose its language server to
    // one odd file, so any surprise becomes one error and an empty tree.
    tree = { kind: 'File', start: 0, end: text.length, body: { start: 0, end: text.length, items: [] } };
    errors.length = 0;
    errors.push({ message: `The Terraform parser failed on this file (${e instanceof Error ? e.message : String(e)}).`, span: { start: 0, end: 0 } });
  }
  // Stable sort: errors found by look-ahead or by the scanner may come out of order.
  errors.sort((a, b) => a.span.start - b.span.start);
  return { tree, errors };
}

/** Builds the language-neutral model of one .tf or .tfvars file from its parse. */
export function hclToModel(file: string, text: string, parsed: ParseResult<HclFile>, fileKind: 'tf' | 'tfvars'): FileModel {
  return buildModel(file, text, parsed, fileKind);
}
