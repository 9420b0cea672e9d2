// The Bicep front end's entry points: parse text into a syntax tree, and build the language-neutral model from it.
import type { ParseError, ParseResult } from '../../types';
import type { FileModel } from '../../model/types';
import type { BicepFile } from './ast';
import { lex } from './lexer';
import { StatementParser } from './statements';
import { buildBicepModel } from './toModel';

export type { BicepFile } from './ast';

/**
 * Parses Bicep or `.bicepparam` text into a syntax tree and the syntax errors met; never throws.
 * Error spans are half-open UTF-16 offsets, sorted by start. After an error the parser resynchronises at the
 * next line that starts a declaration, so the rest of the file still parses.
 */
export function parseBicep(text: string): ParseResult<BicepFile> {
  try {
    const lexed = lex(text);
    const parser = new StatementParser(text, lexed.tokens);
    const tree = parser.parseFile();
    return { tree, errors: mergeErrors(lexed.errors, parser.errors) };
  } catch (e) {
    // Unreachable by design (the fuzz tests check it); a last line of defence so that one odd file cannot take the server down.
    const message = e instanceof Error ? e.message : String(e);
    return { tree: { kind: 'file', start: 0, end: text.length, statements: [] }, errors: [{ message: `Internal parser error: ${message}`, span: { start: 0, end: 0 } }] };
  }
}

/** Builds the language-neutral model of one Bicep or `.bicepparam` file from its parse; never throws on a tree from parseBicep. */
export function bicepToModel(file: string, text: string, parsed: ParseResult<BicepFile>, fileKind: 'bicep' | 'bicepparam'): FileModel {
  return buildBicepModel(file, text, parsed, fileKind);
}

/** Lexer and parser errors in one list ordered by start (the sort is stable, so equal starts keep their order). */
function mergeErrors(a: ParseError[], b: ParseError[]): ParseError[] {
  return [...a, ...b].sort((x, y) => x.span.start - y.span.start);
}
