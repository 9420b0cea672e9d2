// The CLI's logic, callable in-process: parses arguments, runs the review, writes output, returns the exit code.
import * as path from 'node:path';
import { parseArgs, type Format } from './args';
import { useColor } from './format/color';
import { formatJson } from './format/json';
import { formatPrinciplesJson, formatPrinciplesText, formatRulesJson, formatRulesText } from './format/listing';
import { formatMap, workloadMapOf } from './format/map';
import { formatHtml, formatMarkdown } from './format/report';
import { formatSarif } from './format/sarif';
import { formatText, oneLine } from './format/text';
import { loadConfig } from './config';
import type { CliIo } from './io';
import { principleListing, ruleListing } from './listing';
import { writeOutput } from './output';
import { exitCodeFor, reviewPaths, runFailed, type ReviewReport } from './review';
import { USAGE } from './usage';
import { COMMAND_NAME, TOOL_VERSION } from './version';

/** Exit codes, as `--help` documents them. */
export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;

/**
 * Runs the command line `argv` (without the node and script paths) against `io` and resolves to the exit code:
 * 0 no finding at or above `--fail-on`, 1 some, 2 usage error, missing path, nothing reviewed, or internal error.
 * Never rejects: every failure is one line on stderr (plus a stack trace when `WAF_AI_LENS_DEBUG=1`).
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseArgs(argv);
    switch (command.kind) {
      case 'help':
        io.stdout.write(USAGE);
        return EXIT.ok;
      case 'version':
        io.stdout.write(`${TOOL_VERSION}\n`);
        return EXIT.ok;
      case 'usage':
        // Nothing was asked for: show how to ask, but do not let a script that forgot its arguments pass.
        io.stderr.write(USAGE);
        return EXIT.failure;
      case 'error':
        io.stderr.write(`${COMMAND_NAME}: ${command.message}. Run "${COMMAND_NAME} --help" for usage.\n`);
        return EXIT.failure;
      case 'rules':
        io.stdout.write(command.format === 'json' ? formatRulesJson(ruleListing()) : formatRulesText(ruleListing()));
        return EXIT.ok;
      case 'principles':
        io.stdout.write(command.format === 'json' ? formatPrinciplesJson(principleListing()) : formatPrinciplesText(principleListing()));
        return EXIT.ok;
      case 'map': {
        const report = reviewWithConfig(command.paths, command.config, io);
        if (typeof report === 'number') return report;
        if (runFailed(report)) return EXIT.failure;
        const map = workloadMapOf(report);
        if (!map) {
          io.stderr.write(`${COMMAND_NAME}: the workload graph could not be built, so there is no map to draw.\n`);
          return EXIT.failure;
        }
        const output = command.output === undefined ? undefined : path.resolve(io.cwd, command.output);
        const rendered = formatMap(map, command.format, { cwd: io.cwd, ...(output ? { output } : {}) });
        if (output === undefined) {
          io.stdout.write(rendered);
          return EXIT.ok;
        }
        const failure = writeOutput(output, rendered, io.cwd);
        if (failure) {
          io.stderr.write(`${COMMAND_NAME}: ${failure}.\n`);
          return EXIT.failure;
        }
        return EXIT.ok;
      }
      case 'review': {
        const report = reviewWithConfig(command.paths, command.config, io);
        if (typeof report === 'number') return report;
        // An answers file that is not valid never stops the review either: its questions are shown unanswered.
        for (const problem of report.answerProblems ?? []) io.stderr.write(`${COMMAND_NAME}: ${oneLine(problem)}\n`);
        const output = command.output === undefined ? undefined : path.resolve(io.cwd, command.output);
        const rendered = render(report, command.format, io, output);
        if (output === undefined) {
          io.stdout.write(rendered);
        } else {
          const failure = writeOutput(output, rendered, io.cwd);
          if (failure) {
            io.stderr.write(`${COMMAND_NAME}: ${failure}.\n`);
            return EXIT.failure;
          }
        }
        return exitCodeFor(report, command.failOn);
      }
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`${COMMAND_NAME}: internal error: ${message.split(/\r?\n/)[0]}\n`);
    if (io.env['WAF_AI_LENS_DEBUG'] === '1' && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.failure;
  }
}

/**
 * Loads the config and reviews the paths, telling stderr what was not reviewed; an exit code when the config cannot be
 * read at all. A config problem never stops the review: what is invalid keeps its default, and the user is told.
 */
function reviewWithConfig(paths: readonly string[], config: string | undefined, io: CliIo): ReviewReport | number {
  const loaded = loadConfig(config, io.cwd);
  if (loaded.kind === 'error') {
    io.stderr.write(`${COMMAND_NAME}: ${loaded.message}. Run "${COMMAND_NAME} --help" for usage.\n`);
    return EXIT.failure;
  }
  for (const problem of loaded.problems) io.stderr.write(`${COMMAND_NAME}: ${problem}\n`);
  const report = reviewPaths(paths, io.cwd, loaded.settings);
  writeProblems(report, io);
  return report;
}

/** The report in the asked format; colour only when it goes to a terminal, links relative to where it is written. */
function render(report: ReviewReport, format: Format, io: CliIo, output: string | undefined): string {
  switch (format) {
    case 'text':
      return formatText(report, { color: output === undefined && useColor(io) });
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, io.cwd);
    case 'markdown':
      return formatMarkdown(report, { cwd: io.cwd, ...(output ? { output } : {}) });
    case 'html':
      return formatHtml(report, { cwd: io.cwd, ...(output ? { output } : {}) });
  }
}

/**
 * Inputs that were not reviewed go to stderr whatever the format, so they are seen even when stdout is redirected
 * to a report file; the JSON and SARIF documents list them too, for machines.
 */
function writeProblems(report: ReviewReport, io: CliIo): void {
  for (const problem of report.problems) {
    // Paths and messages come from the file system: keep terminal control sequences out of the user's terminal.
    io.stderr.write(`${COMMAND_NAME}: ${oneLine(problem.path)}: ${oneLine(problem.message)}\n`);
  }
  if (report.files.length === 0) {
    io.stderr.write(
      report.problems.length === 0
        ? `${COMMAND_NAME}: no Bicep or Terraform files (.bicep, .bicepparam, .tf, .tfvars) found.\n`
        : `${COMMAND_NAME}: no file could be reviewed.\n`,
    );
  }
}
