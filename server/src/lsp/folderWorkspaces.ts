// One engine `Workspace` per workspace folder: seeded from disk in the background, open documents over disk, disk changes followed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { FileChangeType, type DidChangeWatchedFilesParams, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { readInputs } from '../cli/readInputs';
import { collectFiles, isIgnoredFolder, type CollectedFile } from '../cli/walk';
import { fileKindOf, Workspace, type FileAnalysis, type WorkspaceAnalysis } from '../engine';
import { normalizePath } from '../engine/workspace';
import { analysableFile, isTooLarge } from './documents';
import type { Logger } from './log';
import { isInside, type SettingsStore } from './settings';
import { isInsideWorkspace, readWorkspaceFile } from './workspaceFiles';

/** The glob of the files the workspaces follow on disk, watched next to the config files. */
export const IAC_FILE_GLOB = '**/*.{bicep,bicepparam,tf,tfvars}';

/** How many files are read per turn of the event loop while seeding, so requests keep being served in between. */
const SEED_CHUNK = 25;

/** A workspace folder as the settings know it. */
interface FolderRef {
  uri: string;
  path: string;
}

/** What is known about one workspace folder. */
interface FolderState {
  folder: FolderRef;
  workspace: Workspace;
  /** The given files' texts by engine path: what the workspace holds, kept to place offsets of closed files. */
  texts: Map<string, string>;
  /** True once every file of the folder was read; until then its open documents are analysed alone. */
  seeded: boolean;
  /** The folder's Bicep and Terraform files as the seed's walk found them, excluded ones included. */
  walked: CollectedFile[];
  /** The settings the workspace was made under (see `fingerprint`), to rebuild it only when they change. */
  fingerprint: string;
  /** Bumped by every change of what the workspace holds: analyses made before a bump are stale. */
  generation: number;
  /** Bumped when a seed starts, so a seed overtaken by a newer one (settings changed) stops. */
  seedId: number;
  /** Paths set while a seed was under way (an open document, a watched change): the seed must not overwrite them. */
  touchedDuringSeed: Set<string>;
  /** The workspace's last analysis and the generation it was made at. */
  last: { generation: number; analysis: WorkspaceAnalysis; byFile: Map<string, FileAnalysis> } | undefined;
  /**
   * The size and modification time of each file as it was before the seed (or a review) read it, by engine path: a review
   * reads again only a file whose stamp changed, so a change on disk that no watcher reported is not missed.
   */
  stamps: Map<string, string>;
}

/** What a review of a whole workspace folder takes from the folder's workspace instead of reading and analysing again. */
export interface FolderReview {
  /** The folder's analysis, with engine (absolute, `/`-separated) paths. */
  analysis: WorkspaceAnalysis;
  /** The text a file (an engine path) was analysed from, as the workspace holds it or, for a file read on the way, reads it. */
  text(file: string): string | undefined;
  /** The files of the walk that could not be read (too large, binary, unreadable), by file-system path, with the reason. */
  unreadable: Map<string, string>;
}

/** The engine's path for a file-system path: `/`-separated (the same string on POSIX). */
export function enginePath(file: string): string {
  return normalizePath(file);
}

/** The file-system path of an engine path. */
function osPath(file: string): string {
  return path.normalize(file);
}

/**
 * Keeps one incremental engine `Workspace` per workspace folder, so the editor evaluates across files as the CLI does:
 * parameter files, tfvars, local module calls, and the workload rules over every resource of the folder.
 * Each folder is seeded in the background from its Bicep and Terraform files (the CLI's walk: no `node_modules`, no
 * dot-folders, no symbolic link out of the folder, nothing over 5 MB, nothing the settings exclude), read a chunk per
 * turn of the event loop. Open documents are given as the editor holds them; a closed document falls back to its
 * text on disk; files changed on disk arrive through `workspace/didChangeWatchedFiles`.
 * It never publishes anything itself: `onChange(folderUri)` tells the diagnostics that a folder's analysis changed.
 */
export class FolderWorkspaces {
  private readonly states = new Map<string, FolderState>();
  private started = false;
  /** The open analysable documents by engine path; rebuilt lazily after a document opens or closes. */
  private openIndex: Map<string, TextDocument> | undefined;
  /** Told whenever a seed ends (read, failed, overtaken) or folders are dropped, and when the seeding starts: see `whenRead`. */
  private readonly seedListeners = new Set<() => void>();
  /** The folders whose seed is under way. */
  private readonly seeding = new Set<FolderState>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly log: Logger,
    /** Called when what a folder's workspace holds changed other than through an open document (seeded, disk, settings). */
    private readonly onChange: (folderUri: string) => void,
  ) {}

  /** Starts seeding every folder; called once the first settings are known, since they say which files are excluded. */
  start(): void {
    this.started = true;
    this.syncFolders();
    this.seedEnded();
  }

  /** Follows the settings' folders: new folders are seeded, removed ones forgotten. */
  syncFolders(): void {
    if (!this.started) return;
    const wanted = new Map(this.settings.allFolders().map((f) => [f.uri, f]));
    for (const uri of [...this.states.keys()]) {
      if (!wanted.has(uri)) {
        this.states.get(uri)!.seedId++;
        this.states.delete(uri);
      }
    }
    for (const folder of wanted.values()) if (!this.states.has(folder.uri)) this.seed(this.create(folder));
    this.seedEnded();
  }

  /**
   * The settings changed: the rules that apply and the files excluded may differ, and a workspace's settings are fixed
   * when it is made, so each folder gets a new one, at once, from the texts already read (a file no longer excluded is
   * read now). A folder still being read starts its reading again.
   */
  settingsChanged(): void {
    if (!this.started) return;
    for (const [uri, old] of [...this.states]) {
      // Only a folder whose own settings changed (the rules, or which of its files are excluded) pays for a new workspace.
      if (old.seeded && this.fingerprint(old) === old.fingerprint) continue;
      old.seedId++;
      const state = this.create(old.folder);
      if (!old.seeded) {
        this.seed(state);
        continue;
      }
      state.walked = old.walked;
      state.stamps = new Map(old.stamps);
      for (const file of old.walked) {
        const key = enginePath(file.path);
        if (state.texts.has(key) || this.settings.resolve(file.path).excluded) continue;
        const text = old.texts.get(key) ?? readInputs([file]).inputs[0]?.text;
        if (text !== undefined) this.set(state, key, text);
      }
      // Files that arrived after the walk (created on disk since) stay given.
      for (const [key, text] of old.texts) if (!state.texts.has(key) && !this.settings.resolve(osPath(key)).excluded) this.set(state, key, text);
      state.seeded = true;
      state.fingerprint = this.fingerprint(state);
      this.states.set(uri, state);
    }
  }

  /** What the settings make of a folder: the options its workspace was made with, and which of its files are excluded. */
  private fingerprint(state: FolderState): string {
    const { options } = this.settings.resolve(state.folder.path);
    const excluded = state.walked.filter((f) => this.settings.resolve(f.path).excluded).map((f) => f.path);
    return JSON.stringify([options, excluded]);
  }

  /** The folder whose workspace a file belongs to: the deepest workspace folder holding it. */
  folderOf(file: string): FolderRef | undefined {
    const folder = this.settings.folderOf(file);
    return folder && this.states.has(folder.uri) ? folder : undefined;
  }

  /** True when the folder's files have all been read, so its analysis is the whole folder's. */
  isSeeded(folderUri: string): boolean {
    return this.states.get(folderUri)?.seeded === true;
  }

  /** True while `folderUri` is a workspace folder the server follows. */
  has(folderUri: string): boolean {
    return this.states.has(folderUri);
  }

  /** How many files the folder's workspace was given. */
  fileCount(folderUri: string): number {
    return this.states.get(folderUri)?.texts.size ?? 0;
  }

  /**
   * Gives an open document's current text to its folder's workspace (an excluded or too large one is taken out).
   * Answers the folder's URI, or undefined when the document belongs to no folder (it is then analysed alone).
   */
  update(document: TextDocument): string | undefined {
    const file = analysableFile(document.uri);
    if (file && this.openIndex && !this.openIndex.has(enginePath(file.path))) this.openIndex = undefined;
    const state = file && this.stateOf(file.path);
    if (!file || !state) return undefined;
    const key = enginePath(file.path);
    if (state.seedId > 0 && !state.seeded) state.touchedDuringSeed.add(key);
    const held: unknown = document.getText();
    // A broken client may open a document without text: the workspace then holds nothing for it.
    const text = typeof held !== 'string' || this.settings.resolve(file.path).excluded || isTooLarge(held) ? undefined : held;
    this.set(state, key, text);
    return state.folder.uri;
  }

  /** An open document closed: its file falls back to the text on disk (or goes, when it is not on disk). */
  close(uri: string): string | undefined {
    this.openIndex = undefined;
    const file = analysableFile(uri);
    const state = file && this.stateOf(file.path);
    if (!file || !state) return undefined;
    this.set(state, enginePath(file.path), this.diskText(state, file.path));
    return state.folder.uri;
  }

  /** Handles `workspace/didChangeWatchedFiles` for Bicep and Terraform files; answers the folders that changed. */
  onWatchedFilesChanged(params: DidChangeWatchedFilesParams): string[] {
    const changed = new Set<string>();
    for (const change of Array.isArray(params?.changes) ? params.changes : []) {
      const file = typeof change?.uri === 'string' ? filePath(change.uri) : undefined;
      const state = file && this.stateOf(file);
      if (!file || !state) continue;
      // What the editor holds wins over the disk while the document is open.
      if (this.isOpen(file)) continue;
      if (!fileKindOf(file)) {
        // A text a Bicep load function read (`loadJsonContent('settings.json')`): only the instances that read it are redone.
        if (change.type !== FileChangeType.Deleted) {
          if (state.workspace.invalidateRead(enginePath(file))) {
            state.generation++;
            changed.add(state.folder.uri);
          }
          continue;
        }
        // A folder that went away takes its files with it (some watchers report only the folder).
        if (change.type === FileChangeType.Deleted) {
          const prefix = enginePath(file);
          for (const key of [...state.texts.keys()]) if (key.startsWith(`${prefix}/`)) this.set(state, key, undefined);
          state.workspace.invalidateReads();
          state.generation++;
          changed.add(state.folder.uri);
        }
        continue;
      }
      const key = enginePath(file);
      if (!state.seeded) state.touchedDuringSeed.add(key);
      this.set(state, key, change.type === FileChangeType.Deleted ? undefined : this.diskText(state, file));
      // Files read on the way (a module or template the walk did not give) may be the one that changed.
      state.workspace.invalidateReads();
      state.generation++;
      changed.add(state.folder.uri);
    }
    return [...changed];
  }

  /**
   * The folder's analysis, made now if anything changed since the last one (the workspace re-does only what an edit
   * reaches), or undefined while the folder is still being read.
   */
  analysis(folderUri: string): { analysis: WorkspaceAnalysis; byFile: Map<string, FileAnalysis>; generation: number } | undefined {
    const state = this.states.get(folderUri);
    if (!state?.seeded) return undefined;
    if (state.last?.generation !== state.generation) {
      const analysis = state.workspace.analyses();
      state.last = { generation: state.generation, analysis, byFile: new Map(analysis.files.map((f) => [f.file, f])) };
    }
    return state.last;
  }

  /** The analysis of one file of a seeded folder, as the whole folder sees it; undefined when the file is not analysed there. */
  fileAnalysis(file: string): FileAnalysis | undefined {
    const folder = this.folderOf(file);
    if (!folder) return undefined;
    return this.analysis(folder.uri)?.byFile.get(enginePath(file));
  }

  /** The text the folder's workspace holds for a file (an engine path), to place offsets in closed files. */
  textOf(folderUri: string, file: string): string | undefined {
    return this.states.get(folderUri)?.texts.get(file);
  }

  /** A file's text read from disk for the folder as the engine may read it (inside it, not excluded), or undefined. */
  readInside(folderUri: string, file: string): string | undefined {
    const state = this.states.get(folderUri);
    return state && this.readForEngine(state, file);
  }

  private create(folder: FolderRef): FolderState {
    const state: FolderState = {
      folder,
      workspace: undefined as unknown as Workspace,
      texts: new Map(),
      seeded: false,
      walked: [],
      fingerprint: '',
      generation: 0,
      seedId: 0,
      touchedDuringSeed: new Set(),
      last: undefined,
      stamps: new Map(),
    };
    const { options } = this.settings.resolve(folder.path);
    state.workspace = new Workspace({
      ...options,
      root: enginePath(folder.path),
      readFile: (file) => this.readForEngine(state, file),
      listFiles: (dir) => this.listForEngine(state, dir),
    });
    // Open documents are given at once: they are what the user is looking at, and they need no reading.
    for (const document of this.documents.all()) {
      const file = analysableFile(document.uri);
      if (file && this.settings.folderOf(file.path)?.uri === folder.uri && !this.settings.resolve(file.path).excluded && !isTooLarge(document.getText())) {
        this.set(state, enginePath(file.path), document.getText());
      }
    }
    this.states.set(folder.uri, state);
    return state;
  }

  /** Reads the folder's files into its workspace, a chunk per turn of the event loop; stops when a newer seed starts. */
  private seed(state: FolderState): void {
    const id = ++state.seedId;
    state.touchedDuringSeed.clear();
    this.seeding.add(state);
    const started = performance.now();
    const live = (): boolean => this.states.get(state.folder.uri) === state && state.seedId === id;
    void (async () => {
      // The walk lists names only; reading, the slow part, is spread over turns below.
      const walked = collectFiles([state.folder.path], state.folder.path);
      state.walked = walked.files.filter((f) => this.settings.folderOf(f.path)?.uri === state.folder.uri);
      const files = state.walked.filter((f) => !this.settings.resolve(f.path).excluded);
      let read = 0;
      for (let i = 0; i < files.length; i += SEED_CHUNK) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (!live()) return;
        for (const file of files.slice(i, i + SEED_CHUNK)) {
          const key = enginePath(file.path);
          if (state.touchedDuringSeed.has(key) || this.isOpen(file.path)) continue;
          // Stamped before reading: a change while it is read leaves a stamp older than the text, so a review reads it again.
          const stamp = stampOf(file.path);
          const input = readInputs([file]).inputs[0];
          if (!input) continue;
          this.set(state, key, input.text);
          if (stamp !== undefined) state.stamps.set(key, stamp);
          read++;
        }
      }
      if (!live()) return;
      state.seeded = true;
      state.fingerprint = this.fingerprint(state);
      state.generation++;
      this.log.info(`Read ${read} Bicep and Terraform file(s) of the workspace folder ${state.folder.path} in ${Math.round(performance.now() - started)} ms.`);
      this.onChange(state.folder.uri);
    })()
      .catch((error: unknown) => this.log.error(`Reading the workspace folder ${state.folder.path} failed; its files are analysed one by one.`, error))
      .finally(() => {
        // Each state is seeded once (a new reading makes a new state), so its seed's end is its own.
        this.seeding.delete(state);
        this.seedEnded();
      });
  }

  /** Wakes whoever waits for a folder to be read (see `whenRead`); each waiter looks again at where things stand. */
  private seedEnded(): void {
    const listeners = [...this.seedListeners];
    this.seedListeners.clear();
    for (const listener of listeners) listener();
  }

  /**
   * Resolves once the folder's files have been read (true), or once they will not be (false: the folder is not followed,
   * or its seed failed), or when `cancelled` says so (false). A review waits here rather than read the same files a second
   * time while the seed reads them; before the first settings arrive no folder is read, so it waits for those too.
   */
  async whenRead(folderUri: string, cancelled: () => boolean, onCancel: (wake: () => void) => void): Promise<boolean> {
    let wake: (() => void) | undefined;
    onCancel(() => wake?.());
    for (;;) {
      if (cancelled()) return false;
      const state = this.states.get(folderUri);
      if (state?.seeded) return true;
      // Started, and the folder is not followed, or its seed ended without reading it (it failed): it will not be read.
      if (this.started && (!state || !this.seeding.has(state))) return false;
      await new Promise<void>((resolve) => {
        wake = resolve;
        this.seedListeners.add(resolve);
      });
      this.seedListeners.delete(wake!);
    }
  }

  /**
   * Brings a read folder's workspace up to date with the files a review of the whole folder found (`walked`: the folder's
   * walk, excluded files left out, in walk order) and answers its analysis. Open documents are given as the editor holds
   * them; a file on disk is read again only when its size or modification time changed since it was read; a file the walk
   * no longer finds is taken out. Undefined when the workspace cannot stand for exactly these files: not read yet, made
   * under other settings than the current ones, a walked file that belongs to a nested workspace folder, an open
   * document it does not hold (too large) or one it holds that the walk did not find.
   */
  forReview(folderUri: string, walked: readonly CollectedFile[]): FolderReview | undefined {
    const state = this.states.get(folderUri);
    if (!state?.seeded || this.fingerprint(state) !== state.fingerprint) return undefined;
    for (const document of this.documents.all()) {
      const file = analysableFile(document.uri);
      if (file && this.settings.folderOf(file.path)?.uri === folderUri) this.update(document);
    }
    const before = state.generation;
    const wanted = new Set<string>();
    const unreadable = new Map<string, string>();
    for (const file of walked) {
      if (this.settings.folderOf(file.path)?.uri !== folderUri) return undefined;
      const key = enginePath(file.path);
      if (this.isOpen(file.path)) {
        if (!state.texts.has(key)) return undefined;
        wanted.add(key);
        continue;
      }
      const stamp = stampOf(file.path);
      if (stamp === undefined || state.stamps.get(key) !== stamp || !state.texts.has(key)) {
        const read = readInputs([file]);
        const problem = read.problems[0];
        state.stamps.delete(key);
        if (problem) {
          unreadable.set(file.path, problem.message);
          this.set(state, key, undefined);
          continue;
        }
        this.set(state, key, read.inputs[0]!.text);
        if (stamp !== undefined) state.stamps.set(key, stamp);
      }
      wanted.add(key);
    }
    for (const key of [...state.texts.keys()]) {
      if (wanted.has(key)) continue;
      if (this.isOpen(osPath(key))) return undefined;
      this.set(state, key, undefined);
    }
    // A change on disk the review found (no watcher told of it) reaches the diagnostics too, as a watched change would.
    if (state.generation !== before) this.onChange(folderUri);
    const analysed = this.analysis(folderUri);
    if (!analysed) return undefined;
    return { analysis: analysed.analysis, text: (file) => state.texts.get(file) ?? this.readForEngine(state, file), unreadable };
  }

  /** Gives (or, with undefined, takes out) one file of the folder's workspace. */
  private set(state: FolderState, key: string, text: string | undefined): void {
    if (text === undefined) {
      if (!state.texts.delete(key)) return;
      state.workspace.remove(key);
    } else {
      if (state.texts.get(key) === text) return;
      state.texts.set(key, text);
      state.workspace.update(key, text);
    }
    state.generation++;
  }

  /** The text of a file of the folder on disk, when the workspace may hold it (inside, not excluded, not too large). */
  private diskText(state: FolderState, file: string): string | undefined {
    if (this.settings.resolve(file).excluded || inIgnoredFolder(state.folder.path, file)) return undefined;
    return readWorkspaceFile(file, [state.folder]);
  }

  /** `readFile` for the engine: a module or template it was not given, read inside the folder only, an open one as held. */
  private readForEngine(state: FolderState, file: string): string | undefined {
    const absolute = osPath(file);
    if (!isInside(absolute, state.folder.path) || this.settings.resolve(absolute).excluded) return undefined;
    const open = this.openDocument(absolute);
    if (open) return isTooLarge(open.getText()) ? undefined : open.getText();
    return readWorkspaceFile(absolute, [state.folder]);
  }

  /** `listFiles` for the engine: a folder's files, unless it lies outside the folder (a symbolic link out of it included). */
  private listForEngine(state: FolderState, dir: string): string[] | undefined {
    const absolute = osPath(dir);
    if (!isInside(absolute, state.folder.path) || !isInsideWorkspace(absolute, [state.folder])) return undefined;
    try {
      return fs
        .readdirSync(absolute, { withFileTypes: true })
        .filter((e) => e.isFile() && fileKindOf(e.name))
        .map((e) => `${dir}/${e.name}`);
    } catch {
      return undefined;
    }
  }

  private stateOf(file: string): FolderState | undefined {
    const folder = this.settings.folderOf(file);
    return folder ? this.states.get(folder.uri) : undefined;
  }

  private isOpen(file: string): boolean {
    return this.openDocument(file) !== undefined;
  }

  private openDocument(file: string): TextDocument | undefined {
    if (!this.openIndex) {
      this.openIndex = new Map();
      for (const document of this.documents.all()) {
        const open = analysableFile(document.uri);
        if (open) this.openIndex.set(enginePath(open.path), document);
      }
    }
    const document = this.openIndex.get(enginePath(file));
    // The index may name a document closed since; the store is the authority.
    return document && this.documents.get(document.uri) === document ? document : undefined;
  }
}

/** True when a file lies under `node_modules` or a dot-folder of the workspace folder, which the walk skips too. */
function inIgnoredFolder(folder: string, file: string): boolean {
  const segments = path.relative(folder, path.dirname(file)).split(path.sep).filter((s) => s !== '' && s !== '.');
  return segments.some((s) => isIgnoredFolder(s));
}

/** A file's size and modification time as one string, or undefined when it cannot be read. */
function stampOf(file: string): string | undefined {
  try {
    const stat = fs.statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** The path of a `file:` URI, or undefined for any other scheme or a URI this platform cannot map to a path. */
export function filePath(uri: string): string | undefined {
  if (!uri.toLowerCase().startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
