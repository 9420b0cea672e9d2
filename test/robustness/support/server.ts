// Drives the real language server for the protocol-abuse and soak tests: its process id and memory, versions, a health check.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { checkDiagnostics, lineWithMarkers } from '../../protocol/expectations';
import { fixture, LspTestClient, type StartOptions } from '../../protocol/lspClient';

/** The process ids of this process's children (Linux: `/proc/<pid>/task/<tid>/children`). */
function childPids(): number[] {
  const tasks = path.join('/proc', String(process.pid), 'task');
  return fs.readdirSync(tasks).flatMap((tid) => {
    try {
      return fs.readFileSync(path.join(tasks, tid, 'children'), 'utf8').split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  });
}

/** The ids of the language servers this process runs (children whose command line names the bundled server). */
function serverPids(): Set<number> {
  return new Set(
    childPids().filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('server.js');
      } catch {
        return false;
      }
    }),
  );
}

/** A started server: the test client, the server's process id, and a workspace folder of its own. */
export interface Session {
  client: LspTestClient;
  pid: number;
  workspace: string;
}

/**
 * Starts the bundled server on `workspace`, finding its process id from outside (the test client keeps its child
 * private): the one server child that was not there before. Memory is measured from outside, the way a user sees it.
 */
export async function startServer(workspace: string, options: StartOptions = {}): Promise<Session> {
  const before = serverPids();
  const client = await LspTestClient.start({ ...options, workspaceFolder: workspace });
  const started = [...serverPids()].filter((pid) => !before.has(pid));
  if (started.length !== 1) {
    client.dispose();
    throw new Error(`Expected one new server process, found ${started.length}.`);
  }
  return { client, pid: started[0]!, workspace };
}

/** The resident memory of a process in KiB (`VmRSS` in `/proc/<pid>/status`), or undefined when it has exited. */
export function rssKb(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** True while the process exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * Resolves with the publication for exactly `version` of `uri`: one already received, or the next ones until it comes.
 * Fails when a publication for a newer version arrives first (that version then superseded it) or when none comes in time.
 */
export async function diagnosticsFor(client: LspTestClient, uri: string, version: number, timeoutMs = 20_000): Promise<PublishDiagnosticsParams> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const list = client.published.get(uri) ?? [];
    const found = list.find((p) => p.version === version);
    if (found) return found;
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new Error(`No diagnostics for version ${version} of ${uri} within ${timeoutMs} ms.${client.context()}`);
    // Registered synchronously after the check, so a publication cannot slip between the two.
    await client.nextDiagnostics(uri, remaining);
  }
}

/** Versions of the publications for `uri`, in the order they came: they must never go back (no stale result). */
export function publishedVersions(client: LspTestClient, uri: string): number[] {
  return (client.published.get(uri) ?? []).map((p) => p.version ?? -1);
}

/** A copy of a protocol fixture written into `workspace`, so the document the server sees matches the file on disk. */
export function workspaceFixture(workspace: string, name: string, as = name): { uri: string; text: string } {
  const { text } = fixture(name);
  const file = path.join(workspace, as);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return { uri: pathToFileURL(file).href, text };
}

let probes = 0;

/**
 * Proves the server is healthy: its process lives, it answers a hover request, and a freshly opened fixture gets
 * exactly its marked findings, also after an edit that removes one of them.
 */
export async function assertHealthy(session: Session): Promise<void> {
  const { client, pid, workspace } = session;
  assert.ok(isAlive(pid), `The server (pid ${pid}) is gone.${client.context()}`);
  const { uri, text } = workspaceFixture(workspace, 'openai.bicep', `health-${++probes}.bicep`);
  const opened = await client.diagnosticsAfter(uri, () => client.open(uri, text), 20_000);
  checkDiagnostics(opened, text, 1);
  const at = client.rangeOf(uri, "resource openAi 'Microsoft").start;
  await client.hover(uri, { line: at.line, character: at.character + 10 });
  // Fix the key-auth finding, markers included, so the text still describes exactly what must be published.
  const fixed = lineWithMarkers(client.text(uri), 'disableLocalAuth: false');
  const edited = await client.diagnosticsAfter(uri, () => client.replace(uri, fixed, 'disableLocalAuth: true'), 20_000);
  checkDiagnostics(edited, client.text(uri), 2);
  await client.close(uri);
}
