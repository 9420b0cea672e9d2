// Reads files the server needs but the client has not opened (a config file, a file a fix edits), inside workspace folders only.
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { OpenFile } from './convert';
import { isInside } from './settings';

/** Files larger than this are not read: no config or IaC file a fix edits is this big. */
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * The text of a file inside one of `folders`, or undefined when it lies outside them, does not exist or cannot be read.
 * The server never reads outside the workspace the user opened: a path from a module reference must not become a
 * way to read arbitrary files.
 */
export function readWorkspaceFile(file: string, folders: readonly { path: string }[]): string | undefined {
  if (!folders.some((folder) => isInside(file, folder.path))) return undefined;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > MAX_BYTES) return undefined;
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** A closed workspace file as an `OpenFile`, so offsets in it can become positions. */
export function closedFile(file: string, folders: readonly { path: string }[]): OpenFile | undefined {
  const text = readWorkspaceFile(file, folders);
  if (text === undefined) return undefined;
  const uri = pathToFileURL(file).href;
  return { uri, document: TextDocument.create(uri, 'plaintext', 0, text) };
}
