// The bench: parser speed against tree-sitter, recovery, keystroke and request latency, workspace review and cold start, with targets.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs, intOption, lastOption, UsageError, type ParsedArgs } from './bench/args';
import { coldStart } from './bench/cold-start';
import { displayPath, LANGUAGES, loadSources, userPath, type Source } from './bench/files';
import { DEFAULT_CORPUS, generateCorpus, generatedSources, SMOKE_CORPUS, type CorpusOptions } from './bench/generate';
import { keystroke, KEYSTROKE_SIZES } from './bench/keystroke';
import { mapLayout } from './bench/map';
import { codeVersion, machineInfo } from './bench/machine';
import type { BenchContext, BenchOptions, Measurement, TargetCheck } from './bench/measurement';
import { recovery } from './bench/recovery';
import { repoRoot } from './bench/repo';
import { requests } from './bench/requests';
import { review, REVIEW_SIZES, SMOKE_REVIEW_SIZES } from './bench/review';
import { serverBundle } from './bench/lsp-session';
import { count, formatTable } from './bench/table';
import { analyzeThroughput, parseThroughput } from './bench/throughput';
import { SERVER_NODE_FLAGS } from '../client/src/serverFlags';

/** Every measurement, in the order they run and print; a new one is a module under bench/ and one entry here. */
const MEASUREMENTS: readonly Measurement[] = [parseThroughput, analyzeThroughput, recovery, keystroke, requests, review, coldStart, mapLayout];

/** Where the review measurement draws its scaling chart for the README, unless `--chart` says otherwise. */
const DEFAULT_CHART = path.join('docs', 'images', 'bench-scaling.svg');

const USAGE = `Usage: npm run bench -- [options]

  --corpus <folder>     measure parse, analysis and recovery over the .bicep/.bicepparam/.tf/.tfvars files under the
                        folder (repeatable); without it, a generated corpus of realistic AI-workload files is measured
                        (the latency, review and cold-start measurements always use generated files of set sizes)
  --json <file>         also write the results as JSON
  --smoke               a seconds-long run for CI: tiny sizes everywhere, no targets judged, no tree-sitter install
  --seed <n>            seed of the generated workspaces, edits and keystrokes (default 1)
  --trials <n>          recovery edits of each kind per file (default 10, smoke 2)
  --passes <n>          timed parse passes; the median is reported (default 7, smoke 3)
  --warmup <n>          untimed passes first (default 2, smoke 1)
  --edits <n>           timed keystrokes per file, and hover/code-action requests per document (default 60, smoke 4)
  --starts <n>          fresh processes per cold-start figure (default 10, smoke 2)
  --keystroke-lines <list>  file sizes typed into, comma-separated (default ${KEYSTROKE_SIZES.join(',')}, smoke 200)
  --workspace-files <n> files held open while typing into one more (default 1000, smoke 20; 0 skips it)
  --review-sizes <list> workspace sizes in files, comma-separated (default ${REVIEW_SIZES.join(',')}, smoke ${SMOKE_REVIEW_SIZES.join(',')})
  --chart <file|none>   where to draw the review scaling chart (default ${DEFAULT_CHART}; smoke: none)
  --no-tree-sitter      do not time (or install) the tree-sitter grammars
  --server <file>       the language-server bundle to measure (default dist/server.js), e.g. a variant to compare
  --debounce-ms <n>     the server's change debounce, subtracted for net latencies (default: server/src/lsp/diagnostics.ts)
  --idle-analysis       treat the measured server as one that analyses a change at once when idle (an older bundle given
                        with --server is otherwise assumed to debounce every change; the bench detects ours)
  --no-variant          skip the keystroke runs through bench-built servers with proposed fixes (server-variant.ts;
                        none is proposed now: the adaptive debounce it once measured is in the server)
  --profile <dir>       run every server the bench starts under node --cpu-prof, writing profiles to the folder
  --only <keys>         run only these measurements, comma-separated (${MEASUREMENTS.map((m) => m.key).join(', ')})
  --emit-corpus <dir>   write the generated corpus to a folder and stop
  --verbose             also print the slowest files and examples of lost declarations`;

interface Run {
  options: BenchOptions;
  sources: Source[];
  corpus: { folders: string[] } | { generated: CorpusOptions };
  only: Measurement[];
  jsonFile?: string;
  chartFile?: string;
  serverModule: string;
  serverNodeArgs: string[];
}

/** A comma-separated list of positive whole numbers, sorted ascending. */
function sizesOption(args: ParsedArgs, name: string, fallback: number[]): number[] {
  const raw = lastOption(args, name);
  if (raw === undefined) return fallback;
  const sizes = raw.split(',').map((s) => s.trim());
  if (sizes.some((s) => !/^[1-9]\d*$/.test(s))) throw new UsageError(`--${name} needs positive whole numbers separated by commas, not "${raw}".`);
  return sizes.map(Number).sort((a, b) => a - b);
}

function configure(argv: readonly string[]): Run | undefined {
  const args = parseArgs(
    argv,
    ['corpus', 'json', 'seed', 'trials', 'passes', 'warmup', 'edits', 'starts', 'review-sizes', 'keystroke-lines', 'workspace-files', 'chart', 'server', 'debounce-ms', 'profile', 'only', 'emit-corpus'],
    ['smoke', 'verbose', 'help', 'no-tree-sitter', 'idle-analysis', 'no-variant'],
  );
  if (args.flags.has('help')) {
    console.log(USAGE);
    return undefined;
  }
  if (args.positionals.length > 0) throw new UsageError(`Unexpected argument ${args.positionals[0]}; folders go after --corpus.`);
  const smoke = args.flags.has('smoke');
  const options: BenchOptions = {
    seed: intOption(args, 'seed', 1),
    trials: intOption(args, 'trials', smoke ? 2 : 10),
    warmup: intOption(args, 'warmup', smoke ? 1 : 2),
    passes: intOption(args, 'passes', smoke ? 3 : 7),
    edits: Math.max(1, intOption(args, 'edits', smoke ? 4 : 60)),
    starts: Math.max(1, intOption(args, 'starts', smoke ? 2 : 10)),
    reviewSizes: sizesOption(args, 'review-sizes', smoke ? SMOKE_REVIEW_SIZES : REVIEW_SIZES),
    keystrokeLines: sizesOption(args, 'keystroke-lines', smoke ? [200] : KEYSTROKE_SIZES),
    workspaceFiles: intOption(args, 'workspace-files', smoke ? 20 : 1_000),
    treeSitter: !args.flags.has('no-tree-sitter'),
    idleAnalysis: args.flags.has('idle-analysis'),
    variants: !args.flags.has('no-variant'),
    smoke,
    verbose: args.flags.has('verbose'),
  };
  if (args.options.has('debounce-ms')) options.debounceMs = intOption(args, 'debounce-ms', 0);
  const generated = smoke ? SMOKE_CORPUS : DEFAULT_CORPUS;

  const emit = lastOption(args, 'emit-corpus');
  if (emit !== undefined) {
    const root = userPath(emit);
    const files = generateCorpus(generated);
    for (const file of files) {
      const target = path.join(root, file.path);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, file.text);
    }
    console.log(`Wrote ${files.length} generated files under ${displayPath(root)}.`);
    return undefined;
  }

  const keys = lastOption(args, 'only')?.split(',').map((k) => k.trim()).filter(Boolean);
  const unknown = keys?.filter((k) => !MEASUREMENTS.some((m) => m.key === k)) ?? [];
  if (unknown.length > 0) throw new UsageError(`Unknown measurement ${unknown.join(', ')}; choose from ${MEASUREMENTS.map((m) => m.key).join(', ')}.`);
  const only = keys ? MEASUREMENTS.filter((m) => keys.includes(m.key)) : [...MEASUREMENTS];

  const folders = (args.options.get('corpus') ?? []).map(userPath);
  for (const folder of folders) if (!fs.existsSync(folder)) throw new UsageError(`No such folder: ${folder}.`);
  const sources = folders.length > 0 ? loadSources(folders) : generatedSources(generated);
  const json = lastOption(args, 'json');
  const chart = lastOption(args, 'chart') ?? (smoke ? 'none' : undefined);
  const server = lastOption(args, 'server');
  const serverModule = server !== undefined ? userPath(server) : serverBundle(repoRoot());
  if (server !== undefined && !fs.existsSync(serverModule)) throw new UsageError(`No such server bundle: ${serverModule}.`);
  const profile = lastOption(args, 'profile');
  return {
    options,
    sources,
    corpus: folders.length > 0 ? { folders } : { generated },
    only,
    serverModule,
    // The flags the extension starts the server with (client/src/serverFlags.ts), so the figures are the editor's.
    serverNodeArgs: [...SERVER_NODE_FLAGS, ...(profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${userPath(profile)}`])],
    ...(json !== undefined ? { jsonFile: userPath(json) } : {}),
    ...(chart === 'none' ? {} : { chartFile: chart === undefined ? path.join(repoRoot(), DEFAULT_CHART) : userPath(chart) }),
  };
}

function describeCorpus(run: Run): string {
  const where = 'folders' in run.corpus ? run.corpus.folders.map(displayPath).join(', ') : `generated corpus (seed ${run.corpus.generated.seed})`;
  const sizes = LANGUAGES.map((language) => {
    const files = run.sources.filter((s) => s.language === language);
    return `${language} ${count(files.length)} files, ${count(files.reduce((sum, s) => sum + s.bytes, 0))} bytes`;
  });
  return `${where}: ${sizes.join('; ')}`;
}

/** The targets table: every target judged in this run, met or missed (a smoke run judges none: its sizes are not the targets'). */
function formatTargets(checks: readonly TargetCheck[]): string {
  const verdict = (met: boolean | null) => (met === null ? 'n/a' : met ? 'met' : 'MISSED');
  return formatTable(
    [{ title: 'target' }, { title: 'measured' }, { title: 'verdict' }],
    checks.map((c) => [c.target, c.measured, verdict(c.met)]),
  );
}

async function main(argv: readonly string[]): Promise<number> {
  let run: Run | undefined;
  try {
    run = configure(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (!run) return 0;

  const machine = machineInfo();
  const root = repoRoot();
  const version = codeVersion(root);
  const context: BenchContext = {
    sources: run.sources,
    options: run.options,
    root,
    serverModule: run.serverModule,
    serverNodeArgs: run.serverNodeArgs,
    machine: `${machine.cpus} × ${machine.cpuModel}, node ${machine.node}`,
    ...(run.chartFile ? { chartFile: run.chartFile } : {}),
    log: (line) => console.error(line),
  };
  console.log(`WAF AI Lens bench${run.options.smoke ? ' (smoke)' : ''}: ${describeCorpus(run)}`);
  // The machine may be shared: its load average says how much the figures can be trusted, so it is printed and saved.
  const loadAtStart = os.loadavg();
  console.log(`node ${machine.node} on ${machine.cpus} × ${machine.cpuModel}${version ? `, commit ${version.commit}${version.dirty ? ' (modified)' : ''}` : ''}; load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}`);

  const results: Record<string, unknown> = {};
  const targets: TargetCheck[] = [];
  let failed = false;
  for (const m of run.only) {
    const start = process.hrtime.bigint();
    let result: unknown;
    try {
      result = await m.run(context);
    } catch (error) {
      // One measurement failing (a server that does not start, say) must not cost the others' figures.
      failed = true;
      const message = error instanceof Error ? error.message : String(error);
      results[m.key] = { error: message };
      console.log(`\n${m.title}\nFAILED: ${message}`);
      continue;
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    results[m.key] = result;
    console.log(`\n${m.title} [${seconds.toFixed(1)} s]\n${m.format(result, context)}`);
    if (!run.options.smoke) targets.push(...(m.targets?.(result, context) ?? []));
  }
  if (targets.length > 0) console.log(`\nTargets\n${formatTargets(targets)}`);
  const loadAtEnd = os.loadavg();
  console.log(`\nLoad average at the end: ${loadAtEnd.map((l) => l.toFixed(2)).join(' ')} (${machine.cpus} CPUs; above ${machine.cpus} other processes were competing for them).`);

  if (run.jsonFile) {
    const report = {
      schema: 2,
      date: new Date().toISOString(),
      machine,
      load: { start: loadAtStart, end: loadAtEnd },
      ...(version ? { code: version } : {}),
      options: run.options,
      corpus: {
        ...run.corpus,
        ...Object.fromEntries(
          LANGUAGES.map((language) => {
            const files = run.sources.filter((s) => s.language === language);
            return [language, { files: files.length, bytes: files.reduce((sum, s) => sum + s.bytes, 0) }];
          }),
        ),
      },
      ...results,
      targets,
    };
    fs.mkdirSync(path.dirname(run.jsonFile), { recursive: true });
    fs.writeFileSync(run.jsonFile, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nWrote ${displayPath(run.jsonFile)}.`);
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
