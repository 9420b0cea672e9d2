// The bench: parse and analysis throughput and error recovery over a corpus, printed as tables and optionally saved as JSON.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, intOption, lastOption, UsageError } from './bench/args';
import { displayPath, LANGUAGES, loadSources, userPath, type Source } from './bench/files';
import { DEFAULT_CORPUS, generateCorpus, generatedSources, SMOKE_CORPUS, type CorpusOptions } from './bench/generate';
import { codeVersion, machineInfo } from './bench/machine';
import type { BenchContext, BenchOptions, Measurement } from './bench/measurement';
import { recovery } from './bench/recovery';
import { count } from './bench/table';
import { analyzeThroughput, parseThroughput } from './bench/throughput';

/** Every measurement, in the order they run and print; a new one is a module under bench/ and one entry here. */
const MEASUREMENTS: readonly Measurement[] = [parseThroughput, analyzeThroughput, recovery];

const USAGE = `Usage: npm run bench -- [options]

  --corpus <folder>     measure the .bicep/.bicepparam/.tf/.tfvars files under the folder (repeatable);
                        without it, a generated corpus of realistic AI-workload files is measured
  --json <file>         also write the results as JSON
  --smoke               a seconds-long run for CI: tiny generated corpus, few passes and edits
  --seed <n>            seed of the recovery edits (default 1)
  --trials <n>          edits of each kind per file (default 10, smoke 2)
  --passes <n>          timed passes; the median is reported (default 7, smoke 3)
  --warmup <n>          untimed passes first (default 2, smoke 1)
  --only <keys>         run only these measurements, comma-separated (${MEASUREMENTS.map((m) => m.key).join(', ')})
  --emit-corpus <dir>   write the generated corpus to a folder and stop
  --verbose             also print the slowest files and examples of lost declarations`;

interface Run {
  options: BenchOptions;
  sources: Source[];
  corpus: { folders: string[] } | { generated: CorpusOptions };
  only: Measurement[];
  jsonFile?: string;
}

function configure(argv: readonly string[]): Run | undefined {
  const args = parseArgs(argv, ['corpus', 'json', 'seed', 'trials', 'passes', 'warmup', 'only', 'emit-corpus'], ['smoke', 'verbose', 'help']);
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
    smoke,
    verbose: args.flags.has('verbose'),
  };
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
  return {
    options,
    sources,
    corpus: folders.length > 0 ? { folders } : { generated },
    only,
    ...(json !== undefined ? { jsonFile: userPath(json) } : {}),
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

function main(argv: readonly string[]): number {
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
  // npm runs scripts from the package root, so the working folder is the checkout being measured.
  const version = codeVersion(process.cwd());
  const context: BenchContext = { sources: run.sources, options: run.options };
  console.log(`WAF AI Lens bench${run.options.smoke ? ' (smoke)' : ''}: ${describeCorpus(run)}`);
  console.log(`node ${machine.node} on ${machine.cpus} × ${machine.cpuModel}${version ? `, commit ${version.commit}${version.dirty ? ' (modified)' : ''}` : ''}`);

  const results: Record<string, unknown> = {};
  for (const m of run.only) {
    const start = process.hrtime.bigint();
    const result = m.run(context);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    results[m.key] = result;
    console.log(`\n${m.title} [${seconds.toFixed(1)} s]\n${m.format(result, context)}`);
  }

  if (run.jsonFile) {
    const report = {
      schema: 1,
      date: new Date().toISOString(),
      machine,
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
    };
    fs.mkdirSync(path.dirname(run.jsonFile), { recursive: true });
    fs.writeFileSync(run.jsonFile, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nWrote ${displayPath(run.jsonFile)}.`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
