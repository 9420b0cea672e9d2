// Measures cold start: activating the bundled client until it starts the server, and a fresh server's first diagnostics.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { ActivationRun } from './activate-worker';
import { generateBicep, generateTerraform } from './generate';
import { LspSession, pathToUri } from './lsp-session';
import { check, measurement, type TargetCheck } from './measurement';
import { deriveSeed } from './prng';
import { removeFolder, scratchFolder, writeFiles } from './scratch';
import { summarize, type LatencySummary } from './stats';
import { count, fixed, formatTable } from './table';

const run = promisify(execFile);

export interface ColdStartResults {
  activation: {
    starts: number;
    /** require() of dist/client.js with a stub `vscode`. */
    load: LatencySummary | null;
    /** activate() until the language client forks the server. */
    activate: LatencySummary | null;
    /** Both together, per start: the target's figure. */
    total: LatencySummary | null;
    bundleKb: number | null;
    error?: string;
  };
  firstDiagnostics: {
    starts: number;
    file: string;
    lines: number;
    /** Spawning `node dist/server.js --stdio` until the answer to initialize. */
    initialize: LatencySummary | null;
    /** didOpen until the first publishDiagnostics. */
    open: LatencySummary | null;
    /** Spawn until the first publishDiagnostics: the target's figure. */
    total: LatencySummary | null;
  };
}

export const ACTIVATION_TARGET_MS = 100;
export const FIRST_DIAGNOSTICS_TARGET_MS = 500;
/** The file opened for first diagnostics: a typical main template of an AI workload. */
const FIRST_FILE_LINES = 300;

export const coldStart = measurement<ColdStartResults>({
  key: 'coldStart',
  title: 'Cold start: client activation and first diagnostics (fresh process per start), ms',
  async run(context) {
    const starts = context.options.starts;
    const bundle = path.join(context.root, 'dist', 'client.js');
    const worker = path.join(__dirname, 'activate-worker.js');
    const loads: number[] = [];
    const activations: number[] = [];
    const totals: number[] = [];
    let error: string | undefined;
    for (let i = 0; i < starts; i++) {
      try {
        const { stdout } = await run(process.execPath, [worker, bundle], { timeout: 60_000 });
        const result = JSON.parse(stdout) as ActivationRun;
        loads.push(result.loadMs);
        if (result.activateMs === null) {
          error = result.error;
          break;
        }
        activations.push(result.activateMs);
        totals.push(result.loadMs + result.activateMs);
      } catch (e) {
        error = e instanceof Error ? e.message.split('\n')[0] : String(e);
        break;
      }
    }
    const bundleKb = fs.existsSync(bundle) ? fs.statSync(bundle).size / 1024 : null;
    if (bundleKb === null) error = `${bundle} does not exist; build the bundle first (node scripts/build.mjs)`;

    const folder = scratchFolder('cold-start');
    const seed = deriveSeed(context.options.seed, 'cold-start');
    const files = [
      { path: 'main.bicep', text: generateBicep(seed, FIRST_FILE_LINES) },
      { path: 'main.tf', text: generateTerraform(seed, FIRST_FILE_LINES) },
    ];
    writeFiles(folder, files);
    const initialize: number[] = [];
    const open: number[] = [];
    const total: number[] = [];
    try {
      for (let i = 0; i < starts; i++) {
        // Alternate the languages, so both front ends' first run is in the figure.
        const file = files[i % files.length] as { path: string; text: string };
        const { session, times } = await LspSession.start({ module: context.serverModule, nodeArgs: context.serverNodeArgs, workspace: folder });
        try {
          const uri = pathToUri(path.join(folder, file.path));
          const published = session.published(uri);
          const openedAt = performance.now();
          await session.open(uri, file.text);
          const { at } = await published;
          initialize.push(times.initialized - times.spawned);
          open.push(at - openedAt);
          total.push(at - times.spawned);
        } finally {
          await session.stop();
        }
      }
    } finally {
      removeFolder(folder);
    }
    return {
      activation: { starts: totals.length, load: summarize(loads), activate: summarize(activations), total: summarize(totals), bundleKb, ...(error ? { error } : {}) },
      firstDiagnostics: { starts: total.length, file: 'main.bicep / main.tf', lines: FIRST_FILE_LINES, initialize: summarize(initialize), open: summarize(open), total: summarize(total) },
    };
  },
  format(result) {
    const row = (what: string, s: LatencySummary | null) => [what, count(s?.samples ?? 0), fixed(s?.p50, 1), fixed(s?.p95, 1), fixed(s?.max, 1)];
    const table = formatTable(
      [{ title: 'phase' }, { title: 'n', align: 'right' }, { title: 'p50', align: 'right' }, { title: 'p95', align: 'right' }, { title: 'max', align: 'right' }],
      [
        row('require dist/client.js', result.activation.load),
        row('activate() → server forked', result.activation.activate),
        row('activation total', result.activation.total),
        row('spawn → initialize answered', result.firstDiagnostics.initialize),
        row('didOpen → first diagnostics', result.firstDiagnostics.open),
        row('spawn → first diagnostics', result.firstDiagnostics.total),
      ],
    );
    const notes = [
      `Activation: a fresh node process loads the ${fixed(result.activation.bundleKb, 0)} KB client bundle with a stub vscode module and calls activate() until the language client forks the server (node's own start-up excluded, as the extension host is already running).`,
      `First diagnostics: a fresh node dist/server.js --stdio, initialize, then didOpen of a ${count(result.firstDiagnostics.lines)}-line file (Bicep and Terraform alternately).`,
    ];
    if (result.activation.error) notes.push(`Activation not measured: ${result.activation.error}.`);
    return `${table}\n\n${notes.join('\n')}`;
  },
  targets(result): TargetCheck[] {
    return [
      check('activation', `activation ≤ ${ACTIVATION_TARGET_MS} ms`, result.activation.total?.p50, (v) => v <= ACTIVATION_TARGET_MS, (v) => `${v.toFixed(1)} ms p50 (p95 ${fixed(result.activation.total?.p95, 1)})`, result.activation.error ?? 'not measured'),
      check('first-diagnostics', `first diagnostics ≤ ${FIRST_DIAGNOSTICS_TARGET_MS} ms`, result.firstDiagnostics.total?.p50, (v) => v <= FIRST_DIAGNOSTICS_TARGET_MS, (v) => `${v.toFixed(1)} ms p50 (p95 ${fixed(result.firstDiagnostics.total?.p95, 1)})`),
    ];
  },
});
