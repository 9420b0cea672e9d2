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
  if (!uri.toLowerCase().startsWith('file:')) return undefined;
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
