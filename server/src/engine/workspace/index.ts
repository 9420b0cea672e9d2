// Analyses many files together (modules, parameter files, the workload graph) or one file on its own, over the evaluator.
import type { FileAnalysis } from '../index';
import type { FileKind } from '../parse';
import { fileKindOf } from '../parse';
import { Workspace, type WorkspaceAnalysis, type WorkspaceOptions } from './workspace';

export { Workspace, type WorkspaceAnalysis, type WorkspaceOptions, type WorkspaceStats } from './workspace';
export { commonRoot, isWithin, joinPath, normalizePath } from './paths';

/** One file given to `analyzeWorkspace`. */
export interface WorkspaceInput {
  file: string;
  text: string;
}

/**
 * Analyses files together, as one workspace: Bicep parameters take their `.bicepparam` values (one evaluation per
 * parameter file), Terraform variables their `.tfvars` values, local modules are evaluated with the arguments their
 * callers pass (findings in a module file included), and the workload rules run on the graph of every resource.
 * `readFile` reaches modules, templates and module folders that were not given; the engine never does I/O itself, and
 * refuses any path above `root` (default: the folder that holds every input). Paths are normalised to `/`.
 */
export function analyzeWorkspace(inputs: readonly WorkspaceInput[], options: WorkspaceOptions = {}): WorkspaceAnalysis {
  const workspace = new Workspace(options);
  for (const input of inputs) workspace.update(input.file, input.text);
  return workspace.analyses();
}

/**
 * Evaluates one file on its own and runs the per-resource rules: its parameter defaults, variables and locals resolve,
 * nothing outside it is read, and no workload rule runs (a single file cannot tell what the rest of the workload holds).
 * Findings come as the rules produced them (the caller applies settings and suppressions), notices without the parse
 * notice; the analysis keeps the file's name as given. Undefined for a file that is not Bicep or Terraform.
 */
export function analyzeIsolated(file: string, text: string, kind: FileKind | undefined = fileKindOf(file)): FileAnalysis | undefined {
  if (!kind) return undefined;
  // The workspace keys files by their normalised path; a name with a different extension is analysed as `kind`.
  const key = fileKindOf(file) === kind ? file : `${file}.${kind}`;
  const workspace = new Workspace({ isolated: true, raw: true, root: '/' });
  workspace.update(key, text);
  const analysis = workspace.analyses().files[0];
  if (!analysis) return undefined;
  if (analysis.file === file) return analysis;
  const rename = <T extends { file: string }>(x: T): T => (x.file === analysis.file ? { ...x, file } : x);
  return {
    ...analysis,
    file,
    model: { ...analysis.model, file, resources: analysis.model.resources.map(rename) },
    findings: analysis.findings.map((f) => ({ ...rename(f), related: f.related.map(rename) })),
    notices: analysis.notices.map(rename),
  };
}
