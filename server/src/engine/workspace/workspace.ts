// The incremental workspace: files in, per-file analyses out, with parses and evaluations cached and re-done only where an edit reaches.
import type { FileAnalysis } from '../index';
import { applyPolicy, type AnalyzeOptions } from '../config/policy';
import type { FileModel } from '../model/types';
import { fileKindOf, parseSource, type FileKind } from '../parse';
import { buildGraph, type GraphInstance } from '../graph/build';
import { WorkloadGraph } from '../graph/graph';
import { RULES } from '../rules/registry';
import { runRules } from '../rules/runRules';
import { runWorkloadRules } from '../rules/workloadRule';
import { applySuppressions } from '../suppress';
import type { FileNotice, Finding, Span } from '../types';
import { evaluateBicepInstance, evaluateBicepParams, inputsKey, type ParsedBicep } from '../evaluate/bicepInstance';
import { HclEvaluator, type HclScope } from '../evaluate/hcl';
import { evaluateHclInstance, type ParsedHcl } from '../evaluate/hclInstance';
import { SpanIndex } from '../evaluate/spanIndex';
import { EMPTY_ENV, type InstanceHost, type InstanceResult, type ModuleTarget } from '../evaluate/types';
import { describe, unknown, type EV } from '../evaluate/value';
import { mergeOccurrences, type Context, type Occurrence } from './merge';
import { baseName, commonRoot, dirname, isWithin, joinPath, normalizePath } from './paths';

/** How a workspace reaches files it was not given, and which settings it applies. */
export interface WorkspaceOptions extends AnalyzeOptions {
  /**
   * Reads a file the engine needs but was not given: a module, a parameter file's template, a Terraform module's files.
   * The caller decides what may be read (only inside the workspace); undefined means "not available". Paths are the
   * engine's normalised `/`-separated paths, in the same form as the inputs'.
   */
  readFile?: (path: string) => string | undefined;
  /** Lists the files of a folder (normalised paths), so a Terraform module folder that was not given can be read whole. */
  listFiles?: (folder: string) => readonly string[] | undefined;
  /**
   * The folder nothing above which is ever read; a module or template path that leads above it is refused with a notice.
   * Default: the deepest folder that holds every given file.
   */
  root?: string;
  /** Evaluate each file on its own: no modules, parameter files or workload rules (what `analyzeFile` does). */
  isolated?: boolean;
  /** Findings as the rules produced them: no parse notice, settings or suppression comments applied (`analyzeFile` applies its own). */
  raw?: boolean;
}

/** The result of analysing a workspace: one analysis per file, and the workload graph. */
export interface WorkspaceAnalysis {
  /** Every given file, then every file read on the way that has findings or notices, in path order. */
  files: FileAnalysis[];
  graph: WorkloadGraph;
}

/** Counters for tests and logs: how much work the workspace did since it was made. */
export interface WorkspaceStats {
  parses: number;
  evaluations: number;
  /** The units (`bicep:<file>`, `tf:<folder>`) evaluated during the last `analyses()`, one entry per evaluation. */
  lastEvaluated: string[];
  /** Files whose findings were merged and had settings and suppressions applied again, in all. */
  postProcessed: number;
  /** The files post-processed during the last `analyses()`; the others' analyses were reused as they were. */
  lastPostProcessed: string[];
}

interface Source {
  file: string;
  text: string;
  kind: FileKind;
  given: boolean;
  version: number;
  /** The file's model, kept once parsed: the roots, module calls and the file's analysis need it on every `analyses()`. */
  model?: FileModel;
  /** The syntax tree and its index, which only evaluation needs: let go once it is no longer in use (see `Workspace.trees`). */
  parsed?: ParsedBicep | ParsedHcl;
  /** What a `.bicepparam` file sets, evaluated once per version (every `analyses()` needs it to find the roots). */
  params?: ReturnType<typeof evaluateBicepParams>;
  /** What a `.tfvars` file sets, evaluated once per version. */
  tfvars?: Map<string, EV>;
  /** Where the file's module calls lead, while no file appeared or went (`Workspace.presence`). */
  targets?: { presence: number; modules: ModuleTarget[] };
}

/** A file's analysis as last made, with the key of what it was made from: the same key, the same analysis. */
interface FileEntry {
  key: string;
  analysis: FileAnalysis;
}

interface InstanceEntry {
  id: string;
  unit: string;
  signature: string;
  result: InstanceResult;
  /** The per-resource rules' findings on each file of the instance. */
  findings: Map<string, Finding[]>;
  failures: FileNotice[];
  /** Every file the evaluation read through the host (imports, loaded texts), with what it was then (see `relatedIdentity`). */
  reads: ReadonlyMap<string, string>;
}

/**
 * A text file read for `loadTextContent()` or `loadJsonContent()` (or found missing), with a version that changes only
 * when its text does: instances that loaded it compare versions, and reading it again after `invalidateReads` with the
 * same text keeps them valid.
 */
interface RelatedText {
  text: string | undefined;
  version: number;
  /** Set by `invalidateReads`: read again on the next use. */
  stale: boolean;
}

/** One deployment of a root unit: a parameter file, a tfvars file, or the defaults. */
interface Variant {
  context: Context;
  inputs: Map<string, EV>;
}

/**
 * An incremental, pure analysis of a set of Bicep and Terraform files. It keeps each file's parse and each evaluated
 * instance (a Bicep file or a Terraform folder with one set of inputs); `update` and `remove` mark what changed, and
 * `analyses()` re-parses only changed files, re-evaluates only instances whose files or inputs changed, and merges
 * findings and applies settings and suppressions again only for files whose text, findings or notices changed (the
 * other files' analyses are the same objects as before). The workload graph and the workload rules still cover the
 * whole workspace on every call. Syntax trees are let go once evaluated (the few most recent stay) and parsed again
 * when needed. It never reads a file itself: `readFile` and `listFiles` are the caller's. No timers, no I/O.
 */
export class Workspace {
  private readonly files = new Map<string, Source>();
  private readonly missing = new Set<string>();
  private readonly listed = new Map<string, readonly string[]>();
  /** Each file's folder: `folderFiles` asks for every file on every call, and normalising paths dominated large workspaces. */
  private readonly folders = new Map<string, string>();
  /**
   * The known files of each folder, kept with `files`: a folder lookup filtered every file, which made a workspace's
   * analysis grow with files × folders. The sorted lists per kind are made on demand and dropped when the folder changes.
   */
  private readonly byFolder = new Map<string, { paths: Set<string>; sorted: Map<FileKind, Source[]> }>();
  /** Module and `using` paths joined to their file's folder: the same few joins are asked for on every analysis. */
  private readonly joined = new Map<string, string>();
  /** The given files in path order, while the set of given files is unchanged (a text edit keeps it). */
  private givenSorted: string[] | undefined;
  /** Each file's last analysis, reused while its text, findings and notices are those it was made from. */
  private readonly fileEntries = new Map<string, FileEntry>();
  /** Small ids for findings and deployments, to key `fileEntries` cheaply (a finding object is reused while its instance is). */
  private readonly findingIds = new WeakMap<Finding, number>();
  private nextFindingId = 1;
  private readonly contextIds = new Map<string, number>();
  /** The workload rules' findings of the last analysis by content, so that an unchanged finding keeps its identity. */
  private workloadFindings = new Map<string, Finding>();
  private readonly instances = new Map<string, InstanceEntry>();
  /** The instances of each unit, to find the findings its last evaluations made (see `reuseFindings`). */
  private readonly unitInstances = new Map<string, Set<InstanceEntry>>();
  private readonly ids = new Map<string, string>();
  private nextId = 1;
  /** The text files instances loaded, by path (pruned to those a live instance read). */
  private readonly relatedTexts = new Map<string, RelatedText>();
  /** The reads of the evaluation in progress; instances are evaluated one at a time, never within each other. */
  private reads: Map<string, string> | undefined;
  /** Every text a file gets has a new version; an instance is valid while its files' versions are. */
  private versions = 0;
  private cached: WorkspaceAnalysis | undefined;
  private root = '.';
  /**
   * The files whose syntax trees are kept, least recently used first. A tree (with its span index) is several times
   * the size of its text and is needed only while its file is evaluated, so keeping every tree made a large workspace's
   * memory grow with its syntax; the few most recent stay, so that typing into a file (and evaluating its folder) does
   * not parse its neighbours again on every keystroke.
   */
  private readonly trees = new Set<Source>();
  /**
   * Files parsed for their model only (to find the roots), whose trees the evaluation that follows may want: the most
   * recent few are kept until evaluated or until the analysis ends, so that a file being typed into is parsed once per
   * keystroke. The first analysis of a large workspace parses most files twice instead: holding every tree until its
   * evaluation cost 50–90 MB of peak memory at 5,000 files, for 10 % less time.
   */
  private readonly awaiting = new Set<Source>();
  /**
   * Counts the changes to which files exist (given, removed, reads forgotten). While it stands, where a module path leads
   * cannot change: reads and listings are remembered, and the root moves only with the given files.
   */
  private presence = 0;
  readonly stats: WorkspaceStats = { parses: 0, evaluations: 0, lastEvaluated: [], postProcessed: 0, lastPostProcessed: [] };

  constructor(private readonly options: WorkspaceOptions = {}) {}

  /** Adds or replaces a given file. A file the engine does not analyse (by extension) is ignored. */
  update(file: string, text: string): void {
    const path = normalizePath(file);
    const kind = fileKindOf(path);
    if (!kind) return;
    const before = this.files.get(path);
    if (before?.given && before.text === text) return;
    this.setSource({ file: path, text, kind, given: true, version: ++this.versions });
    // A new text of a file already given changes no file's presence: what was read or found missing stays valid.
    this.changed(!before?.given);
  }

  /** Removes a given file (a file read through `readFile` may be read again when needed). */
  remove(file: string): void {
    const path = normalizePath(file);
    if (this.deleteSource(path)) this.changed(true);
  }

  /** Forgets what was read through `readFile` and `listFiles`, so it is read again (after the caller saw it change). */
  invalidateReads(): void {
    for (const [path, source] of [...this.files]) if (!source.given) this.deleteSource(path);
    // Loaded texts are read again when next asked for; an instance re-evaluates only if one of its texts really changed.
    for (const entry of this.relatedTexts.values()) entry.stale = true;
    this.changed(true);
  }

  /**
   * Forgets one text file read for a load function (`loadJsonContent()`), or found missing, after the caller saw it
   * change on disk, so that it is read again. False when no live instance read it: nothing needs analysing again.
   * Cheaper than `invalidateReads`, which also forgets every Bicep and Terraform file read on the way.
   */
  invalidateRead(file: string): boolean {
    const entry = this.relatedTexts.get(normalizePath(file));
    if (!entry) return false;
    entry.stale = true;
    this.cached = undefined;
    return true;
  }

  /** Marks the analysis stale; `presence` when files appeared or went, which may change what reads and listings found. */
  private changed(presence: boolean): void {
    this.cached = undefined;
    if (!presence) return;
    this.presence++;
    this.givenSorted = undefined;
    this.missing.clear();
    this.listed.clear();
  }

  /** Adds or replaces a file, keeping the folder index in step. */
  private setSource(source: Source): void {
    const before = this.files.get(source.file);
    if (before) this.forgetTree(before);
    this.files.set(source.file, source);
    const folder = this.folderOf(source.file);
    let entry = this.byFolder.get(folder);
    if (!entry) {
      entry = { paths: new Set(), sorted: new Map() };
      this.byFolder.set(folder, entry);
    }
    entry.paths.add(source.file);
    entry.sorted.clear();
  }

  /** Stops tracking a replaced or removed file's tree (nothing else holds the file). */
  private forgetTree(source: Source): void {
    this.trees.delete(source);
    this.awaiting.delete(source);
  }

  /** Forgets a file, keeping the folder index in step; false when it was not known. */
  private deleteSource(path: string): boolean {
    const before = this.files.get(path);
    if (!before) return false;
    this.files.delete(path);
    this.forgetTree(before);
    const folder = this.folderOf(path);
    const entry = this.byFolder.get(folder);
    entry?.paths.delete(path);
    entry?.sorted.clear();
    if (entry?.paths.size === 0) this.byFolder.delete(folder);
    this.folders.delete(path);
    this.fileEntries.delete(path);
    return true;
  }

  /** The analysis of every file, recomputed only where something changed since the last call. */
  analyses(): WorkspaceAnalysis {
    if (this.cached) return this.cached;
    this.stats.lastEvaluated = [];
    this.stats.lastPostProcessed = [];
    if (!this.givenSorted) {
      this.givenSorted = [...this.files.values()].filter((f) => f.given).map((f) => f.file).sort(byPath);
      this.root = this.options.root !== undefined ? normalizePath(this.options.root) : commonRoot(this.givenSorted);
    }
    const given = this.givenSorted;
    const live = new Map<string, { entry: InstanceEntry; contexts: Context[]; root: string }>();
    const notices: FileNotice[] = [];
    for (const root of this.roots(notices)) {
      root.variants.forEach((variant, i) => {
        const entry = this.instance(root.unit, variant.inputs);
        if (entry) this.visit(entry, variant.context, [root.unit], `${root.unit}#${i}`, live, notices);
      });
    }
    // Instances no deployment reaches any more are dropped.
    for (const [id, entry] of [...this.instances]) {
      if (live.has(id)) continue;
      this.instances.delete(id);
      this.unitInstances.get(entry.unit)?.delete(entry);
    }
    this.pruneRelatedTexts();

    // Occurrences and notices are gathered per file, so that a file whose inputs are unchanged keeps its analysis.
    const contextsOfFile = new Map<string, Context[]>();
    const occurrencesOfFile = new Map<string, Occurrence[]>();
    const addOccurrence = (finding: Finding, context: Context): void => {
      const list = occurrencesOfFile.get(finding.file);
      if (list) list.push({ finding, context });
      else occurrencesOfFile.set(finding.file, [{ finding, context }]);
    };
    for (const { entry, contexts } of live.values()) {
      for (const model of entry.result.models) {
        const list = contextsOfFile.get(model.file) ?? [];
        for (const c of contexts) if (!list.some((x) => x.label === c.label)) list.push(c);
        contextsOfFile.set(model.file, list);
      }
      for (const findings of entry.findings.values()) for (const finding of findings) for (const context of contexts) addOccurrence(finding, context);
      notices.push(...entry.result.notices, ...entry.failures);
    }

    const graphInstances = new Map<string, GraphInstance>();
    for (const { entry, root } of live.values()) graphInstances.set(entry.id, { result: entry.result, root });
    const graph = this.options.isolated ? new WorkloadGraph([], [], []) : buildGraph(graphInstances);
    if (!this.options.isolated && given.length > 0) {
      const workload = runWorkloadRules(graph, (file) => this.files.get(file)?.text, RULES, given[0]!);
      notices.push(...workload.failures);
      const previous = this.workloadFindings;
      this.workloadFindings = new Map();
      for (const { finding, node } of workload.findings) {
        // The rules make new objects on every run: one equal to last run's is replaced by it, so its file's analysis is reused.
        const key = JSON.stringify(finding);
        const kept = this.workloadFindings.get(key) ?? previous.get(key) ?? finding;
        this.workloadFindings.set(key, kept);
        for (const context of live.get(node.instance)?.contexts ?? [{ label: '' }]) addOccurrence(kept, context);
      }
    }

    const noticesByFile = new Map<string, FileNotice[]>();
    for (const n of notices) {
      const list = noticesByFile.get(n.file) ?? [];
      if (!list.some((x) => x.span.start === n.span.start && x.span.end === n.span.end && x.message === n.message)) list.push(n);
      noticesByFile.set(n.file, list);
    }
    const files: FileAnalysis[] = [];
    const paths = new Set(given);
    const extra = [...occurrencesOfFile.keys(), ...noticesByFile.keys()].filter((p) => !paths.has(p));
    const ordered = extra.length === 0 ? given : [...new Set([...given, ...extra])].sort(byPath);
    for (const path of ordered) {
      const source = this.files.get(path);
      if (!source) continue;
      const occurrences = occurrencesOfFile.get(path) ?? [];
      const fileNotices = noticesByFile.get(path) ?? [];
      const contexts = contextsOfFile.get(path) ?? [];
      const key = this.entryKey(source, occurrences, contexts, fileNotices);
      const known = this.fileEntries.get(path);
      if (known?.key === key) {
        files.push(known.analysis);
        continue;
      }
      this.stats.postProcessed++;
      this.stats.lastPostProcessed.push(path);
      const merged = occurrences.length === 0 ? [] : mergeOccurrences(occurrences, new Map([[path, contexts]]));
      const analysis = this.fileAnalysis(source, this.model(source), merged, fileNotices);
      this.fileEntries.set(path, { key, analysis });
      files.push(analysis);
    }
    this.trimTrees(true);
    this.cached = { files, graph };
    return this.cached;
  }

  /**
   * What a file's analysis is made from, as a string: its version, the deployments it is evaluated in, each finding
   * (by identity: an instance that was not evaluated again keeps its finding objects) with its deployment, and its notices.
   */
  private entryKey(source: Source, occurrences: readonly Occurrence[], contexts: readonly Context[], notices: readonly FileNotice[]): string {
    const parts: Array<string | number> = [source.version, contexts.length];
    for (const c of contexts) parts.push(this.contextId(c));
    for (const { finding, context } of occurrences) {
      let id = this.findingIds.get(finding);
      if (id === undefined) {
        id = this.nextFindingId++;
        this.findingIds.set(finding, id);
      }
      parts.push(`${id}@${this.contextId(context)}`);
    }
    for (const n of notices) parts.push(`${n.level}:${n.span.start}:${n.span.end}:${n.message}`);
    return parts.join('\u0000');
  }

  /** A deployment's small id: contexts are made anew on every analysis, and equal ones merge alike. */
  private contextId(context: Context): number {
    const anchor = context.anchor;
    const text = anchor ? `${context.label}\u0000${anchor.file}\u0000${anchor.span.start}\u0000${anchor.span.end}` : context.label;
    let id = this.contextIds.get(text);
    if (id === undefined) {
      id = this.contextIds.size + 1;
      this.contextIds.set(text, id);
    }
    return id;
  }

  /** A file's analysis: its parse notice, then the settings and suppression comments applied, as `analyzeFile` does. */
  private fileAnalysis(source: Source, model: FileModel, findings: Finding[], notices: FileNotice[]): FileAnalysis {
    if (this.options.raw) return { file: source.file, model, findings, notices };
    const all: FileNotice[] = [];
    const first = model.parseErrors[0];
    if (first) {
      const more = model.parseErrors.length > 1 ? ` (and ${model.parseErrors.length - 1} more)` : '';
      const message = /[.!?]$/.test(first.message) ? first.message.slice(0, -1) : first.message;
      all.push({ file: source.file, level: 'error', message: `The file does not parse cleanly: ${message}${more}.`, span: first.span });
    }
    all.push(...notices);
    const { findings: kept, suppressed } = applySuppressions(model, source.text, applyPolicy(findings, this.options), this.options);
    const analysis: FileAnalysis = { file: source.file, model, findings: applyPolicy(kept, this.options), notices: all };
    if (suppressed.length > 0) analysis.suppressed = suppressed;
    return analysis;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Files

  /** A given file, or one read through `readFile` (inside the root), or undefined. */
  private source(path: string): Source | undefined {
    const known = this.files.get(path);
    if (known) return known;
    if (this.options.isolated || this.missing.has(path) || !isWithin(this.root, path)) return undefined;
    const kind = fileKindOf(path);
    const text = kind ? this.options.readFile?.(path) : undefined;
    if (text === undefined || !kind) {
      this.missing.add(path);
      return undefined;
    }
    const source: Source = { file: path, text, kind, given: false, version: ++this.versions };
    this.setSource(source);
    return source;
  }

  /** A file's model, parsing the file the first time. */
  private model(source: Source): FileModel {
    if (source.model) return source.model;
    const model = this.parsed(source).model;
    this.trees.delete(source);
    this.awaiting.add(source);
    if (this.awaiting.size > KEPT_TREES) {
      const [oldest] = this.awaiting;
      this.awaiting.delete(oldest!);
      this.releaseUnit(oldest!);
    }
    return model;
  }

  /** Lets go of a file's tree and span index; the next evaluation of the file parses it again. */
  private releaseUnit(source: Source): void {
    const unit = source.parsed;
    source.parsed = undefined;
    if (unit) releaseTree(unit);
  }

  /** A file's tree, model and span index, for evaluation: parsed again when its tree was let go. */
  private parsed(source: Source): ParsedBicep | ParsedHcl {
    this.awaiting.delete(source);
    this.trees.delete(source);
    this.trees.add(source);
    if (source.parsed) return source.parsed;
    this.stats.parses++;
    const parsed = parseSource(source.file, source.text, source.kind);
    // A file parsed again keeps its first model: analyses and instances refer to it, and the parser is deterministic.
    source.model ??= parsed.model;
    source.parsed = { file: source.file, text: source.text, tree: parsed.tree, model: source.model, index: new SpanIndex(parsed.tree) } as ParsedBicep | ParsedHcl;
    return source.parsed;
  }

  /**
   * Lets go of the trees of all but the most recently used files. Only called between evaluations: an evaluation in
   * progress uses its trees. A finished evaluation does not: what it returns holds values, not syntax, although its
   * callbacks still hold the parsed file, which is why the tree is taken out of that object rather than only dropped here.
   */
  private trimTrees(final: boolean): void {
    const release = (source: Source): void => this.releaseUnit(source);
    if (final) {
      for (const source of this.awaiting) release(source);
      this.awaiting.clear();
    }
    for (const source of this.trees) {
      if (this.trees.size <= KEPT_TREES) break;
      this.trees.delete(source);
      release(source);
    }
  }

  /** The .tf (or .tfvars) files of a folder: those known, and those `listFiles` names. */
  private folderFiles(folder: string, kind: 'tf' | 'tfvars'): readonly Source[] {
    if (!this.options.isolated && !this.listed.has(folder) && isWithin(this.root, folder)) {
      this.listed.set(folder, (this.options.listFiles?.(folder) ?? []).map(normalizePath));
    }
    for (const path of this.listed.get(folder) ?? []) if (fileKindOf(path) === kind && this.folderOf(path) === folder) this.source(path);
    const entry = this.byFolder.get(folder);
    if (!entry) return [];
    let sorted = entry.sorted.get(kind);
    if (!sorted) {
      sorted = [...entry.paths].map((p) => this.files.get(p)!).filter((f) => f.kind === kind).sort((a, b) => (a.file < b.file ? -1 : 1));
      entry.sorted.set(kind, sorted);
    }
    return sorted;
  }

  private folderOf(file: string): string {
    let folder = this.folders.get(file);
    if (folder === undefined) {
      folder = dirname(file);
      this.folders.set(file, folder);
    }
    return folder;
  }

  private unitFiles(unit: string): readonly Source[] {
    if (unit.startsWith('bicep:')) {
      const source = this.source(unit.slice(6));
      return source ? [source] : [];
    }
    return this.folderFiles(unit.slice(3), 'tf');
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Instances

  private readonly host: InstanceHost = {
    resolveModule: (fromFile, source) => this.resolveModule(fromFile, source),
    instanceId: (unit, inputs) => this.idOf(`${unit}|${inputs}`),
    sourceText: (file, span) => this.files.get(file)?.text.slice(span.start, span.end) ?? '',
    // A Bicep file `import` names is parsed and cached like a module; any other file (`loadJsonContent()`) is read as text. Never above the root.
    readRelated: (fromFile, relative) => {
      if (this.options.isolated) return undefined;
      const path = joinPath(dirname(fromFile), relative);
      // Recorded, so that the instance is evaluated again when this file changes, appears or goes.
      this.reads?.set(path, this.relatedIdentity(path));
      if (!isWithin(this.root, path)) return { kind: 'problem', message: `\`${relative}\` lies outside the workspace (\`${this.root}\`) and was not read` };
      const source = fileKindOf(path) === 'bicep' ? this.source(path) : undefined;
      if (source) return { kind: 'bicep', file: path, parsed: this.parsed(source) as ParsedBicep };
      const text = fileKindOf(path) ? undefined : this.relatedText(path).text;
      return text === undefined ? { kind: 'problem', message: `\`${relative}\` was not found` } : { kind: 'text', file: path, text };
    },
  };

  /**
   * What reading `path` through the host finds, as a short string that changes whenever the answer would: outside the
   * root (which moves with the given files), a Bicep file at a version, a text at a version, or nothing there.
   */
  private relatedIdentity(path: string): string {
    if (!isWithin(this.root, path)) return `outside ${this.root}`;
    const kind = fileKindOf(path);
    if (kind === 'bicep') {
      const source = this.source(path);
      return source ? `bicep ${source.version}` : 'missing';
    }
    if (kind) return 'not read';
    const entry = this.relatedText(path);
    return entry.text === undefined ? 'missing' : `text ${entry.version}`;
  }

  /** A loaded text file, read through `readFile` the first time and again after `invalidateReads`. */
  private relatedText(path: string): RelatedText {
    let entry = this.relatedTexts.get(path);
    if (entry && !entry.stale) return entry;
    const text = this.options.readFile?.(path);
    if (!entry) {
      entry = { text, version: ++this.versions, stale: false };
      this.relatedTexts.set(path, entry);
    } else {
      if (entry.text !== text) {
        entry.text = text;
        entry.version = ++this.versions;
      }
      entry.stale = false;
    }
    return entry;
  }

  /** True while every file an instance read is as it was then. */
  private readsUnchanged(reads: ReadonlyMap<string, string>): boolean {
    for (const [path, identity] of reads) if (this.relatedIdentity(path) !== identity) return false;
    return true;
  }

  /** Lets go of the loaded texts no live instance read (a template that stopped loading a file). */
  private pruneRelatedTexts(): void {
    if (this.relatedTexts.size === 0) return;
    const read = new Set<string>();
    for (const entry of this.instances.values()) for (const path of entry.reads.keys()) read.add(path);
    for (const path of [...this.relatedTexts.keys()]) if (!read.has(path)) this.relatedTexts.delete(path);
  }

  private idOf(key: string): string {
    let id = this.ids.get(key);
    if (!id) {
      id = `i${this.nextId++}`;
      this.ids.set(key, id);
    }
    return id;
  }

  /**
   * The instance of `unit` with `inputs`: cached while its files and inputs are unchanged, else evaluated. `id` is the
   * instance's id when the caller knows it (a module call carries the id of the instance it leads to).
   */
  private instance(unit: string, inputs: ReadonlyMap<string, EV>, knownId?: string): InstanceEntry | undefined {
    const files = this.unitFiles(unit);
    if (files.length === 0) return undefined;
    const key = knownId === undefined ? `${unit}|${inputsKey(inputs)}` : undefined;
    const id = knownId ?? this.idOf(key!);
    // An instance depends on its files and on where its module calls lead (a module file may appear or disappear).
    const modules = files.flatMap((f) => this.moduleTargets(f).map(moduleKey));
    const signature = `${files.map((f) => `${f.file}#${f.version}`).join('|')}>${modules.join('|')}`;
    const cached = this.instances.get(id);
    if (cached && cached.signature === signature && this.readsUnchanged(cached.reads)) return cached;
    this.stats.evaluations++;
    this.stats.lastEvaluated.push(unit);
    const reads = new Map<string, string>();
    this.reads = reads;
    let result: InstanceResult;
    try {
      result = unit.startsWith('bicep:')
        ? evaluateBicepInstance(this.parsed(files[0]!) as ParsedBicep, id, inputs, this.host)
        : evaluateHclInstance(unit.slice(3), files.map((f) => this.parsed(f) as ParsedHcl), id, inputs, this.host);
    } finally {
      this.reads = undefined;
    }
    const findings = new Map<string, Finding[]>();
    const failures: FileNotice[] = [];
    const earlier = this.unitInstances.get(unit) ?? new Set<InstanceEntry>();
    this.unitInstances.set(unit, earlier);
    for (const model of result.models) {
      const text = this.files.get(model.file)!.text;
      const run = runRules(model, text);
      findings.set(model.file, this.reuseFindings(model.file, dedupe(run.findings), earlier));
      failures.push(...run.failures);
    }
    const entry: InstanceEntry = { id, unit, signature, result, findings, failures, reads };
    this.trimTrees(false);
    if (cached) earlier.delete(cached);
    earlier.add(entry);
    this.instances.set(id, entry);
    return entry;
  }

  /**
   * The findings an earlier evaluation of the unit made on the file, when they are the same as these: a file's analysis
   * is reused while its findings are the same objects, and evaluating a folder again for an edit of one of its files
   * mostly leaves the others' findings as they were.
   */
  private reuseFindings(file: string, findings: Finding[], earlier: ReadonlySet<InstanceEntry>): Finding[] {
    let json: string | undefined;
    for (const entry of earlier) {
      const old = entry.findings.get(file);
      if (!old || old.length !== findings.length) continue;
      if (old.every((f, i) => f === findings[i])) return old;
      json ??= JSON.stringify(findings);
      if (JSON.stringify(old) === json) return old;
    }
    return findings;
  }

  /** Walks from an instance to the instances its module calls lead to, recording the deployments each one is in. */
  private visit(entry: InstanceEntry, context: Context, chain: string[], root: string, live: Map<string, { entry: InstanceEntry; contexts: Context[]; root: string }>, notices: FileNotice[]): void {
    let record = live.get(entry.id);
    if (!record) {
      record = { entry, contexts: [], root };
      live.set(entry.id, record);
    }
    if (record.contexts.some((c) => c.label === context.label) || record.contexts.length >= 16) return;
    record.contexts.push(context);
    for (const call of entry.result.calls) {
      if (chain.includes(call.unit)) {
        const path = [...chain.slice(chain.indexOf(call.unit)), call.unit].map((u) => `\`${baseName(u.replace(/^(bicep|tf):/, ''))}\``).join(' → ');
        notices.push({ file: call.file, level: 'warning', message: `Module \`${call.name}\` closes a cycle (${path}); it is not followed further.`, span: call.sourceSpan });
        continue;
      }
      const child = this.instance(call.unit, call.inputs, call.instance);
      if (!child) continue;
      const label = `through module \`${call.name}\` in \`${baseName(call.file)}\``;
      // A deployment chosen by a parameter file stays anchored there; one chosen by a module call, at the call.
      const childContext: Context = { label: context.label ? `${context.label}, ${label}` : label, anchor: context.anchor ?? { file: call.file, span: call.span } };
      this.visit(child, childContext, [...chain, call.unit], root, live, notices);
    }
  }

  /** Where each module call of a file leads, in call order; remembered while no file appears or goes. */
  private moduleTargets(f: Source): readonly ModuleTarget[] {
    if (f.targets?.presence !== this.presence) f.targets = { presence: this.presence, modules: this.model(f).modules.map((m) => this.resolveModule(f.file, m.source)) };
    return f.targets.modules;
  }

  /** `relative` joined to the folder of `fromFile`, remembered: normalising paths is costly and the same joins recur. */
  private join(fromFile: string, relative: string): string {
    const key = `${fromFile}\u0000${relative}`;
    let path = this.joined.get(key);
    if (path === undefined) {
      path = joinPath(this.folderOf(fromFile), relative);
      // Bounded: keys accumulate as texts change, and a workspace lives as long as the editor session.
      if (this.joined.size >= 100_000) this.joined.clear();
      this.joined.set(key, path);
    }
    return path;
  }

  /** Where a module source leads, relative to the calling file; never above the root. */
  private resolveModule(fromFile: string, source: string): ModuleTarget {
    if (this.options.isolated) return { kind: 'external' };
    const bicep = fileKindOf(fromFile) === 'bicep';
    // Terraform reads `./` and `../` sources as folders; an absolute path is a folder too, and is refused when above the root.
    const local = bicep ? !/^(br|ts)[:/]/i.test(source) : /^(\.\.?[/\\]|\/|[A-Za-z]:[/\\])/.test(source);
    if (!local) return { kind: 'external' };
    const path = this.join(fromFile, source);
    if (!isWithin(this.root, path)) {
      return { kind: 'problem', message: `The module \`${source}\` lies outside the workspace (\`${this.root}\`), so it was not read and its resources are not reviewed.` };
    }
    if (bicep) {
      if (fileKindOf(path) !== 'bicep') return { kind: 'external' };
      return this.source(path) ? { kind: 'unit', unit: `bicep:${path}` } : { kind: 'problem', message: `The module file \`${source}\` was not found, so its resources are not reviewed.` };
    }
    return this.folderFiles(path, 'tf').length > 0 ? { kind: 'unit', unit: `tf:${path}` } : { kind: 'problem', message: `The module folder \`${source}\` has no Terraform files that could be read, so its resources are not reviewed.` };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Roots and their deployments

  /**
   * The units deployed on their own, each with its deployments. A Bicep file is a root when no given file calls it as a
   * module, or when a parameter file names it; a Terraform folder is a root when no given folder calls it.
   * Deployments: one per parameter file (`.bicepparam` `using` the template; a same-folder `*.tfvars` other than
   * `terraform.tfvars` and `*.auto.tfvars`, layered over those), else one with the defaults (and the auto-loaded tfvars).
   * Evaluating once per parameter file, rather than once with defaults, is what a team deploying with those files
   * deploys; findings that hold under several are merged (see `mergeOccurrences`).
   */
  private roots(notices: FileNotice[]): Array<{ unit: string; variants: Variant[] }> {
    const given = [...this.files.values()].filter((f) => f.given);
    if (this.options.isolated) {
      return given.filter((f) => f.kind === 'bicep' || f.kind === 'tf').map((f) => ({ unit: f.kind === 'bicep' ? `bicep:${f.file}` : `tf:${this.folderOf(f.file)}`, variants: [{ context: { label: '' }, inputs: new Map() }] }));
    }
    // The static call graph between the given units (a module call under a false condition still counts here).
    const calls = new Map<string, Set<string>>();
    for (const f of given) {
      if (f.kind !== 'bicep' && f.kind !== 'tf') continue;
      const unit = f.kind === 'bicep' ? `bicep:${f.file}` : `tf:${this.folderOf(f.file)}`;
      const targets = calls.get(unit) ?? new Set<string>();
      calls.set(unit, targets);
      for (const target of this.moduleTargets(f)) if (target.kind === 'unit' && target.unit !== unit) targets.add(target.unit);
    }
    const called = new Set([...calls.values()].flatMap((t) => [...t]));
    // Units that call each other in a cycle are all called: the first of each group no root reaches becomes a root.
    const reached = new Set<string>();
    const reach = (unit: string): void => {
      if (reached.has(unit)) return;
      reached.add(unit);
      for (const next of calls.get(unit) ?? []) reach(next);
    };
    for (const unit of calls.keys()) if (!called.has(unit)) reach(unit);
    for (const unit of [...calls.keys()].sort()) {
      if (reached.has(unit)) continue;
      called.delete(unit);
      reach(unit);
    }
    const out: Array<{ unit: string; variants: Variant[] }> = [];
    // Bicep: parameter files by template.
    const paramsByTemplate = new Map<string, Variant[]>();
    for (const f of given.filter((x) => x.kind === 'bicepparam')) {
      const params = this.bicepParams(f, notices);
      if (!params) continue;
      const unit = `bicep:${params.template}`;
      paramsByTemplate.set(unit, [...(paramsByTemplate.get(unit) ?? []), params.variant]);
    }
    const bicepRoots = new Set([...given.filter((f) => f.kind === 'bicep').map((f) => `bicep:${f.file}`).filter((u) => !called.has(u)), ...paramsByTemplate.keys()]);
    for (const unit of [...bicepRoots].sort()) out.push({ unit, variants: paramsByTemplate.get(unit) ?? [{ context: { label: '' }, inputs: new Map() }] });
    // Terraform: folders and their tfvars.
    const folders = new Set(given.filter((f) => f.kind === 'tf').map((f) => `tf:${this.folderOf(f.file)}`));
    for (const unit of [...folders].filter((u) => !called.has(u)).sort()) out.push({ unit, variants: this.tfvarsVariants(unit.slice(3)) });
    return out;
  }

  /** A `.bicepparam` file's deployment: its values (over those of its `extends` base) and the template it is `using`. */
  private bicepParams(f: Source, notices: FileNotice[]): { template: string; variant: Variant } | undefined {
    const { values, using } = this.paramValues(f, notices, new Set());
    if (!using) return undefined;
    const template = this.join(f.file, using.path);
    const problem = (message: string): undefined => {
      notices.push({ file: f.file, level: 'warning', message, span: using.span });
      return undefined;
    };
    if (fileKindOf(template) !== 'bicep') return problem(`\`using\` names \`${using.path}\`, which is not a Bicep file, so the parameters are not evaluated.`);
    if (!isWithin(this.root, template)) return problem(`The template \`${using.path}\` lies outside the workspace (\`${this.root}\`), so it was not read.`);
    if (!this.source(template)) return problem(`The template \`${using.path}\` was not found, so these parameters are not evaluated.`);
    return { template, variant: { context: { label: `with \`${baseName(f.file)}\``, anchor: { file: f.file, span: using.span } }, inputs: values } };
  }

  /** The values a parameter file sets, its `extends` chain first (a chain that loops is cut with a notice). */
  private paramValues(f: Source, notices: FileNotice[], seen: Set<string>): { values: Map<string, EV>; using: { path: string; span: Span } | undefined } {
    seen.add(f.file);
    f.params ??= evaluateBicepParams(this.parsed(f) as ParsedBicep);
    const evaluated = f.params;
    notices.push(...evaluated.notices);
    const values = new Map<string, EV>();
    const base = evaluated.extends;
    if (base) {
      const basePath = this.join(f.file, base.path);
      const baseSource = seen.has(basePath) ? undefined : this.source(basePath);
      if (seen.has(basePath)) notices.push({ file: f.file, level: 'warning', message: `\`extends\` leads back to \`${baseName(basePath)}\`; the cycle is cut here.`, span: base.span });
      else if (!baseSource) notices.push({ file: f.file, level: 'warning', message: `The base parameter file \`${base.path}\` could not be read, so its values are not used.`, span: base.span });
      else for (const [k, v] of this.paramValues(baseSource, notices, seen).values) values.set(k, v);
    }
    for (const [k, v] of evaluated.values) values.set(k, v);
    return { values, using: evaluated.using };
  }

  /** The deployments of a Terraform root folder: one per variable file, over the auto-loaded ones; else the auto-loaded ones. */
  private tfvarsVariants(folder: string): Variant[] {
    const all = this.folderFiles(folder, 'tfvars');
    const auto = all.filter((f) => baseName(f.file) === 'terraform.tfvars' || f.file.endsWith('.auto.tfvars'));
    // terraform.tfvars first, then *.auto.tfvars in lexical order: later files win, as in Terraform.
    auto.sort((a, b) => (baseName(a.file) === 'terraform.tfvars' ? -1 : baseName(b.file) === 'terraform.tfvars' ? 1 : a.file < b.file ? -1 : 1));
    const base = new Map<string, EV>();
    for (const f of auto) for (const [k, v] of this.tfvarsValues(f)) base.set(k, v);
    const variants = all.filter((f) => !auto.includes(f));
    if (variants.length === 0) return [{ context: { label: '' }, inputs: base }];
    return variants.map((f) => {
      const inputs = new Map(base);
      for (const [k, v] of this.tfvarsValues(f)) inputs.set(k, v);
      return { context: { label: `with \`${baseName(f.file)}\``, anchor: { file: f.file, span: { start: 0, end: 0 } } }, inputs };
    });
  }

  /** The values a .tfvars file sets (constants; a reference in one stays unknown). */
  private tfvarsValues(f: Source): Map<string, EV> {
    f.tfvars ??= this.evaluateTfvars(f);
    return f.tfvars;
  }

  private evaluateTfvars(f: Source): Map<string, EV> {
    const parsed = this.parsed(f) as ParsedHcl;
    const nothing: HclScope = {
      variable: (name, site) => unknown(`\`var.${name}\` is not available in a variable file`, site),
      local: (name, site) => unknown(`\`local.${name}\` is not available in a variable file`, site),
      resource: () => undefined,
      resourceName: () => undefined,
      module: (name, site) => unknown(`\`module.${name}\` is not available in a variable file`, site),
    };
    const evaluator = new HclEvaluator(f.file, f.text, nothing);
    const values = new Map<string, EV>();
    for (const item of parsed.tree.body.items) {
      if (item.kind !== 'Attribute') continue;
      values.set(item.name, describe(evaluator.eval(item.expr, EMPTY_ENV), `the value of \`${item.name}\` in \`${baseName(f.file)}\``));
    }
    return values;
  }
}

/** How many files keep their syntax trees between evaluations: a folder being edited, its modules and a few more. */
const KEPT_TREES = 32;

/** Empty trees by language, put in place of a tree that is let go. */
let emptyBicep: ParsedBicep['tree'] | undefined;
let emptyHcl: ParsedHcl['tree'] | undefined;

/**
 * Takes the tree and span index out of a parsed file that the workspace no longer holds. An evaluation that kept a
 * reference to the object (in a callback of its result) sees an empty file from then on, which it never asks for: the
 * callbacks that outlive an evaluation read the values it recorded, not the syntax.
 */
function releaseTree(unit: ParsedBicep | ParsedHcl): void {
  if (unit.model.language === 'bicep') {
    if (!emptyBicep) {
      const parsed = parseSource('empty.bicep', '', 'bicep');
      if (parsed.language === 'bicep') emptyBicep = parsed.tree;
    }
    (unit as ParsedBicep).tree = emptyBicep!;
  } else {
    if (!emptyHcl) {
      const parsed = parseSource('empty.tf', '', 'tf');
      if (parsed.language === 'terraform') emptyHcl = parsed.tree;
    }
    (unit as ParsedHcl).tree = emptyHcl!;
  }
  unit.index = new SpanIndex(unit.tree);
}

/** Path order, as the analyses are listed. */
function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What a module resolution says, as a key: the unit and its files' versions are covered by the unit's own signature. */
function moduleKey(target: ModuleTarget): string {
  return target.kind === 'unit' ? target.unit : target.kind === 'problem' ? `!${target.message}` : '~';
}

/** Loop copies of one resource report the same finding once. */
function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const key = `${f.ruleId}\u0000${f.span.start}\u0000${f.span.end}\u0000${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

