// The open documents, kept in sync incrementally, and which of them the server analyses.
import { fileURLToPath } from 'node:url';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileKindOf, type FileKind } from '../engine';

/**
 * Creates the open-documents store.
 * It applies incremental `didChange` edits itself, so the server declares `TextDocumentSyncKind.Incremental`.
 */
export function createDocuments(): TextDocuments<TextDocument> {
  return new TextDocuments(TextDocument);
}

/** A document the server analyses: its URI, the file-system path the engine reports findings against, and its kind. */
export interface AnalysableFile {
  uri: string;
  path: string;
  kind: FileKind;
}

/**
 * Says whether a document is one we analyse: a `file:` URI whose path ends in `.bicep`, `.bicepparam`, `.tf` or `.tfvars`.
 * Untitled buffers, diff views, remote schemes and every other language are left alone, whatever language id the client sent,
 * because findings must point at files the user can open and fix.
 */
export function analysableFile(uri: string): AnalysableFile | undefined {
  // A broken client can open a "document" whose URI is not even a string; it stays in the store, so guard every use.
  if (typeof uri !== 'string' || !uri.toLowerCase().startsWith('file:')) return undefined;
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    // A `file:` URI this platform cannot map to a path (a UNC host on POSIX, say) is not one we can report on.
    return undefined;
  }
  const kind = fileKindOf(path);
  return kind ? { uri, path, kind } : undefined;
}

/** Documents larger than this are not analysed: the CLI skips such files too, and one would hold the server for seconds. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/**
 * True when a text is over `MAX_DOCUMENT_BYTES` in UTF-8. A UTF-16 code unit takes one to three UTF-8 bytes (a surrogate
 * pair four for two), so the length alone settles most texts without encoding them.
 */
export function isTooLarge(text: string): boolean {
  // A broken client may send no text at all; there is nothing large to skip then.
  if (typeof text !== 'string') return false;
  if (text.length > MAX_DOCUMENT_BYTES) return true;
  if (text.length * 3 <= MAX_DOCUMENT_BYTES) return false;
  return Buffer.byteLength(text, 'utf8') > MAX_DOCUMENT_BYTES;
}
