// `wafAiLens/review`: reviews every Bicep and Terraform file under the asked folders (inside the workspace only) and answers with the report.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  ErrorCodes,
  RequestType,
  ResponseError,
  type CancellationToken,
  type TextDocuments,
  type WorkDoneProgressParams,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { displayPath } from '../cli/paths';
import { readInputs } from '../cli/readInputs';
import { collectFiles, type CollectedFile } from '../cli/walk';
import {
  analyzeWorkspace,
  buildReview,
  renderHtmlBody,
  REPORT_CSS,
  type AnalyzeOptions,
  type FileAnalysis,
  type ReviewInput,
  type WorkloadReview,
  type WorkspaceInput,
  type WorkspaceOptions,
  type WorkloadGraph,
} from '../engine';
import { analysableFile } from './documents';
import { filePath, type FolderReview, type FolderWorkspaces } from './folderWorkspaces';
import type { Logger } from './log';
import { relocateAnalysis, relocateGraph } from './reviewPaths';
import { cancelledError, runSafe } from './runSafe';
import { isInside } from './settings';
import { isInsideWorkspace, readWorkspaceFile } from './workspaceFiles';

/** What the client asks: the folders to review, or (absent or empty) every workspace folder. */
export interface ReviewParams extends WorkDoneProgressParams {
  /** `file:` URIs of folders inside the workspace. */
  folders?: string[];
  /**
   * Also answer with the report's model (`review`), for clients that draw the report themselves. The VS Code view shows
   * the HTML only, and at 5,000 files the model is half of a 63 MB answer, so it is left out unless asked for.
   */
  model?: boolean;
  /**
   * `full`: links to places in the code carry their file's URI, path, positions and title, as in a standalone page. By
   * default they are compact (`HtmlOptions.compactLocations`), resolved by the view's script: at 5,000 files the 45,000
   * full links are 14 MB of 33 MB of HTML, the compact ones 5 MB.
   */
  links?: 'compact' | 'full';
}

/** The answer: the report's rendered body and style, where each reviewed file is, and (when asked) the report's model. */
export interface ReviewResult {
  review?: WorkloadReview;
  /** The report's markup (no script, no style attribute; links to the code compact unless `links: 'full'`) and its style sheet, for a view with a strict CSP. */
  html: { body: string; css: string };
  /** The URI of every reviewed file, by the path the report shows for it. */
  files: Record<string, string>;
  /** Files found but not reviewed (unreadable, too large, binary), with the reason; excluded files are only counted. */
  skipped: Array<{ path: string; message: string }>;
  excluded: number;
  /** The folders reviewed, as `file:` URIs. */
  folders: string[];
}

export const REVIEW_REQUEST = new RequestType<ReviewParams, ReviewResult, void>('wafAiLens/review');

/** A workspace folder as the settings know it. */
export interface WorkspaceFolderPath {
  uri: string;
  path: string;
}

/** What the handler needs from the server: open documents, the workspace folders, and the settings per file. */
export interface ReviewDeps {
  documents: TextDocuments<TextDocument>;
  folders(): readonly WorkspaceFolderPath[];
  resolve(file: string): { options: AnalyzeOptions; excluded: boolean };
  log: Logger;
  /** The reporter for the client's `workDoneToken` (a silent one when there is none): `connection.window.attachWorkDoneProgress`. */
  progress(token: ReviewParams['workDoneToken']): WorkDoneProgressReporter;
  /** The engine call per workspace folder; `analyzeWorkspace` unless a test substitutes one. */
  analyze?: (inputs: readonly WorkspaceInput[], options: WorkspaceOptions) => { files: FileAnalysis[]; graph?: WorkloadGraph };
  /**
   * The server's engine workspace per workspace folder. A request for a whole workspace folder waits until the folder is
   * read and then reviews it from that workspace's analysis (brought up to date with the disk), instead of reading and
   * analysing every file again. Without it, or for a sub-folder, the files are read and analysed here.
   */
  workspaces?: Pick<FolderWorkspaces, 'whenRead' | 'forReview'>;
}

/** Makes the request handler. Work happens between files in turns of the event loop, so a cancellation is seen between files. */
export function reviewHandler(deps: ReviewDeps) {
  return (params: ReviewParams, token: CancellationToken) =>
    runSafe<ReviewResult | ResponseError<void>>(
      deps.log,
      'Reviewing the workload',
      token,
      new ResponseError(ErrorCodes.InternalError, 'The review failed; the WAF AI Lens output channel has the details.'),
      () => reviewFolders(params, token, deps.progress(params.workDoneToken), deps),
    );
}

/** One file to review: where it is on disk, the path the report shows, and the folder it belongs to. */
interface Target extends CollectedFile {
  root: WorkspaceFolderPath;
}

async function reviewFolders(
  params: ReviewParams,
  token: CancellationToken,
  progress: WorkDoneProgressReporter,
  deps: ReviewDeps,
): Promise<ReviewResult | ResponseError<void>> {
  const started = performance.now();
  const roots = deps.folders();
  if (roots.length === 0) return new ResponseError(ErrorCodes.InvalidRequest, 'Open a folder first: the review reads the Bicep and Terraform files of the workspace.');
  const asked = params.folders && params.folders.length > 0 ? params.folders : roots.map((r) => r.uri);
  const byDepth = [...roots].sort((a, b) => b.path.length - a.path.length);
  const folders: Array<{ uri: string; folder: string; root: WorkspaceFolderPath }> = [];
  for (const uri of asked) {
    const folder = filePath(uri);
    // The server reads only inside the workspace the user opened: a request for anything else is refused, not served.
    const root = folder ? byDepth.find((r) => isInside(folder, r.path)) : undefined;
    if (!folder || !root) return new ResponseError(ErrorCodes.InvalidParams, `Not a folder of the workspace: ${uri}`);
    folders.push({ uri, folder, root });
  }

  progress.begin('WAF AI Lens: Review workload', 0, 'Finding Bicep and Terraform files…', true);
  // The workspace folders asked for as a whole, whose engine workspaces may stand for reading them again. Their reading
  // (and, before it, the first settings) is waited for: reading the same files beside it would only double the work.
  const whole = new Set(folders.filter((f) => path.resolve(f.folder) === path.resolve(f.root.path)).map((f) => f.root));
  const workspaces = deps.workspaces;
  const read = new Set<WorkspaceFolderPath>();
  for (const root of workspaces ? whole : []) {
    progress.report(0, 'Waiting for the workspace folder to be read…');
    if (await workspaces!.whenRead(root.uri, () => token.isCancellationRequested, (wake) => token.onCancellationRequested(wake))) read.add(root);
  }
  if (token.isCancellationRequested) {
    progress.done();
    return cancelledError();
  }
  const prefixRoots = new Set(folders.map((f) => f.root.uri)).size > 1;
  const targets: Target[] = [];
  const seen = new Set<string>();
  const skipped: ReviewResult['skipped'] = [];
  let excluded = 0;
  for (const { folder, root } of folders) {
    const walked = collectFiles([folder], root.path);
    for (const problem of walked.problems) if (problem.reason !== 'outside-root') skipped.push({ path: problem.path, message: problem.message });
    for (const file of walked.files) {
      if (seen.has(file.path)) continue;
      seen.add(file.path);
      if (deps.resolve(file.path).excluded) {
        excluded++;
        continue;
      }
      // With several workspace folders, the folder's name keeps two `main.bicep` files apart in the report.
      targets.push({ ...file, display: prefixRoots ? `${path.basename(root.path)}/${file.display}` : file.display, root });
    }
  }

  // A folder's workspace that can stand for its files (see `FolderWorkspaces.forReview`) is brought up to date and taken.
  const reused = new Map<WorkspaceFolderPath, FolderReview>();
  for (const root of read) {
    const own = targets.filter((t) => t.root === root);
    const taken = workspaces!.forReview(root.uri, own);
    if (taken) reused.set(root, taken);
    else deps.log.info(`The workspace folder ${root.path} is read and analysed again for the review: its workspace does not hold exactly the files found now.`);
  }

  // Read every other file first, one per turn of the event loop, so that a `$/cancelRequest` is seen between files.
  const open = openDocumentsByPath(deps.documents);
  const texts = new Map<string, string>();
  const files: Record<string, string> = {};
  const byRoot = new Map<WorkspaceFolderPath, Target[]>();
  for (const [i, target] of targets.entries()) {
    const taken = reused.get(target.root);
    if (taken) {
      // The folder's workspace holds the file as the editor or the disk has it; a file it could not read is skipped as here.
      const problem = taken.unreadable.get(target.path);
      if (problem !== undefined) {
        skipped.push({ path: target.display, message: problem });
        continue;
      }
      files[target.display] = open.get(target.path)?.uri ?? pathToFileURL(target.path).href;
      addTo(byRoot, target.root, target);
      continue;
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (token.isCancellationRequested) {
      progress.done();
      return cancelledError();
    }
    progress.report(Math.round((90 * i) / targets.length), `${i + 1} of ${targets.length}: ${target.display}`);
    const document = open.get(target.path);
    let text = document?.getText();
    if (text === undefined) {
      const read = readInputs([target]);
      const problem = read.problems[0];
      if (problem) {
        skipped.push({ path: target.display, message: problem.message });
        continue;
      }
      text = read.inputs[0]!.text;
    }
    texts.set(target.display, text);
    files[target.display] = document?.uri ?? pathToFileURL(target.path).href;
    addTo(byRoot, target.root, target);
  }

  progress.report(90, `Analysing ${targets.length} files…`);
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (token.isCancellationRequested) {
    progress.done();
    return cancelledError();
  }
  const inputs: ReviewInput[] = [];
  const graphs: WorkloadGraph[] = [];
  for (const [root, group] of byRoot) {
    // One workspace analysis per workspace folder, whose settings apply to all its files: modules, parameter files and
    // the workload graph span files. What it reads on the way (a module outside the reviewed folder) stays inside the folder.
    const prefix = prefixRoots ? path.basename(root.path) : '';
    const { options } = deps.resolve(path.join(root.path, '.'));
    const taken = reused.get(root);
    if (taken) {
      // The report's path for an engine path, as the walk shows it (the folder's name first when there are several).
      const shown = (enginePath: string): string => {
        const relative = displayPath(path.normalize(enginePath), root.path);
        return prefix ? `${prefix}/${relative}` : relative;
      };
      for (const analysis of taken.analysis.files) {
        const text = taken.text(analysis.file);
        if (text === undefined) continue;
        const display = shown(analysis.file);
        texts.set(display, text);
        const absolute = path.normalize(analysis.file);
        files[display] ??= open.get(absolute)?.uri ?? pathToFileURL(absolute).href;
        inputs.push({ analysis: relocateAnalysis(analysis, shown), text, options });
      }
      graphs.push(relocateGraph(taken.analysis.graph, shown));
      continue;
    }
    const onDisk = (enginePath: string): string | undefined => {
      const relative = prefix ? enginePath.slice(prefix.length + 1) : enginePath;
      const absolute = path.resolve(root.path, relative);
      return isInside(absolute, root.path) ? absolute : undefined;
    };
    const readFile = (enginePath: string): string | undefined => {
      const absolute = onDisk(enginePath);
      if (!absolute) return undefined;
      const text = open.get(absolute)?.getText() ?? readWorkspaceFile(absolute, [root]);
      if (text !== undefined) {
        texts.set(enginePath, text);
        files[enginePath] ??= open.get(absolute)?.uri ?? pathToFileURL(absolute).href;
      }
      return text;
    };
    const listFiles = (folder: string): string[] | undefined => {
      const absolute = onDisk(folder);
      // A folder reached through a symbolic link that leads outside the workspace is not listed.
      if (!absolute || !isInsideWorkspace(absolute, [root])) return undefined;
      try {
        return fs.readdirSync(absolute, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => `${folder === '.' ? '' : `${folder}/`}${e.name}`);
      } catch {
        return undefined;
      }
    };
    const analysed = (deps.analyze ?? analyzeWorkspace)(
      group.map((t) => ({ file: t.display, text: texts.get(t.display)! })),
      { ...options, root: prefix || '.', readFile, listFiles },
    );
    if (analysed.graph) graphs.push(analysed.graph);
    for (const analysis of analysed.files) {
      const text = texts.get(analysis.file);
      if (text !== undefined) inputs.push({ analysis, text, options });
    }
  }

  const review = buildReview(inputs, { graphs });
  const body = renderHtmlBody(review, { href: (l) => `${files[l.file] ?? '#'}#L${l.line}`, compactLocations: params.links !== 'full' });
  progress.done();
  const from = reused.size > 0 ? `, ${reused.size} workspace folder(s) from the workspace's analysis` : '';
  deps.log.info(`Reviewed ${inputs.length} file(s) in ${Math.round(performance.now() - started)} ms${from}: ${review.checks} checks, overall score ${review.overall.score ?? 'none'}.`);
  const answer: ReviewResult = { html: { body, css: REPORT_CSS }, files, skipped, excluded, folders: folders.map((f) => f.uri) };
  if (params.model === true) answer.review = review;
  return answer;
}

/** The open documents by file path: their text, unsaved edits included, is what the review reads for them. */
function openDocumentsByPath(documents: TextDocuments<TextDocument>): Map<string, TextDocument> {
  const byPath = new Map<string, TextDocument>();
  for (const document of documents.all()) {
    const file = analysableFile(document.uri);
    if (file) byPath.set(file.path, document);
  }
  return byPath;
}

/** Adds a file to its folder's list, in place: copying the list per file made a review of thousands of files quadratic. */
function addTo(byRoot: Map<WorkspaceFolderPath, Target[]>, root: WorkspaceFolderPath, target: Target): void {
  const list = byRoot.get(root);
  if (list) list.push(target);
  else byRoot.set(root, [target]);
}
