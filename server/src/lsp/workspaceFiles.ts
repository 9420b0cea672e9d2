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
  if (!isInsideWorkspace(file, folders)) return undefined;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > MAX_BYTES) return undefined;
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The real path of a file or folder (symbolic links resolved), or undefined when it does not exist. */
function realPath(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

/**
 * True when `file` lies inside one of `folders` both as written and once symbolic links are resolved: a link inside the
 * workspace that leads outside it (to a file or through a folder) is refused, as the CLI's walk refuses it.
 */
export function isInsideWorkspace(file: string, folders: readonly { path: string }[]): boolean {
  const real = realPath(file);
  if (real === undefined) return false;
  return folders.some((folder) => {
    if (!isInside(file, folder.path)) return false;
    const realFolder = realPath(folder.path);
    return realFolder !== undefined && isInside(real, realFolder);
  });
}

/** A closed workspace file as an `OpenFile`, so offsets in it can become positions. */
export function closedFile(file: string, folders: readonly { path: string }[]): OpenFile | undefined {
  const text = readWorkspaceFile(file, folders);
  if (text === undefined) return undefined;
  const uri = pathToFileURL(file).href;
  return { uri, document: TextDocument.create(uri, 'plaintext', 0, text) };
}
