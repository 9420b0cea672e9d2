// Analyses the CLI's inputs together as one workspace, reading modules and templates only inside the paths the user named.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeFile, analyzeWorkspace, fileKindOf, type AnalyzeOptions, type WorkloadGraph } from '../engine';
import { commonRoot, normalizePath } from '../engine/workspace';
import type { InputProblem } from './problems';
import { readInputs, type InputFile } from './readInputs';
import type { ReviewedFile } from './review';

/** What a review of several inputs needs besides them. */
export interface WorkspaceScope {
  cwd: string;
  /** The paths named on the command line: nothing outside them is ever read. */
  named: readonly string[];
  options: AnalyzeOptions;
  /** False for a file the settings exclude: it is neither reviewed nor read as a module. */
  allowed(absolute: string): boolean;
}

/**
 * Analyses every input together (`analyzeWorkspace`): parameter files reach their templates, modules are evaluated with
 * their callers' arguments, and the workload rules see every file. The engine asks for files it was not given (a named
 * folder is walked whole, but a named file may call a module beside it) through `readFile` and `listFiles`, which read
 * only inside the named folders and the folders of the named files, following no symbolic link out of them, with the
 * same size and binary checks as the inputs. Files read that way appear in the report when they have findings.
 * Should the workspace analysis fail, each file is analysed on its own, so one bug does not cost the whole review.
 */
export function analyzeInputs(inputs: readonly InputFile[], scope: WorkspaceScope): { files: ReviewedFile[]; problems: InputProblem[]; graph?: WorkloadGraph } {
  const problems: InputProblem[] = [];
  const iac = inputs.filter((input) => {
    if (fileKindOf(input.display)) return true;
    problems.push({ reason: 'not-iac', level: 'warning', path: input.display, message: 'Not a Bicep or Terraform file; skipped.' });
    return false;
  });
  // A named folder, or the folder of a named file: what the user put under review.
  const roots = scope.named
    .map((p) => path.resolve(scope.cwd, p))
    .map((p) => realPath(isFolder(p) ? p : path.dirname(p)))
    .filter((p): p is string => p !== undefined);
  const inside = (absolute: string): boolean => {
    const real = realPath(absolute);
    return real !== undefined && scope.allowed(absolute) && roots.some((r) => real === r || real.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
  };
  const read = new Map<string, InputFile>();
  const byPath = new Map(iac.map((input) => [normalizePath(input.display), input]));
  const readFile = (file: string): string | undefined => {
    const absolute = path.resolve(scope.cwd, file);
    if (!inside(absolute)) return undefined;
    const result = readInputs([{ path: absolute, display: file }]);
    const input = result.inputs[0];
    if (!input) return undefined;
    read.set(normalizePath(file), input);
    return input.text;
  };
  const listFiles = (folder: string): string[] | undefined => {
    const absolute = path.resolve(scope.cwd, folder);
    if (!inside(absolute)) return undefined;
    try {
      return fs
        .readdirSync(absolute, { withFileTypes: true })
        .filter((entry) => entry.isFile() && fileKindOf(entry.name))
        .map((entry) => (folder === '.' ? entry.name : `${folder}/${entry.name}`));
    } catch {
      return undefined;
    }
  };
  // The root the engine refuses to leave: the deepest folder holding every named path.
  const root = commonRoot(
    scope.named.map((p) => {
      const absolute = path.resolve(scope.cwd, p);
      const relative = normalizePath(path.relative(scope.cwd, absolute) || '.');
      // commonRoot takes file paths: a named folder stands as a file inside it.
      return isFolder(absolute) ? `${relative}/_` : relative;
    }),
  );
  try {
    const analysis = analyzeWorkspace(
      iac.map((input) => ({ file: input.display, text: input.text })),
      { ...scope.options, readFile, listFiles, root },
    );
    const files: ReviewedFile[] = [];
    for (const fileAnalysis of analysis.files) {
      const input = byPath.get(fileAnalysis.file) ?? read.get(fileAnalysis.file);
      if (input) files.push({ path: fileAnalysis.file, text: input.text, bytes: input.bytes, analysis: fileAnalysis });
    }
    return { files, problems, graph: analysis.graph };
  } catch {
    const files: ReviewedFile[] = [];
    for (const input of iac) {
      try {
        const analysis = analyzeFile(input.display, input.text, fileKindOf(input.display), scope.options);
        if (analysis) files.push({ path: input.display, text: input.text, bytes: input.bytes, analysis });
      } catch (error) {
        // The engine promises not to throw; if it does anyway, one file's bug must not cost the user the others' review.
        const message = error instanceof Error ? error.message : String(error);
        problems.push({ reason: 'analysis-failed', level: 'error', path: input.display, message: `The analysis failed: ${message}` });
      }
    }
    return { files, problems };
  }
}

function realPath(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
