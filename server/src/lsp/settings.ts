// The server's settings state: workspace folders, each folder's `.waf-ai-lens.json` and editor settings, merged per file.
import * as path from 'node:path';
import { isExcluded, mergeConfigs, type AnalyzeOptions, type ConfigParse, type WafConfig } from '../engine';

/** What applies to one file: the engine's options, and whether the file is excluded from analysis. */
export interface ResolvedSettings {
  options: AnalyzeOptions;
  excluded: boolean;
}

/** One workspace folder and what configures it. */
interface Folder {
  uri: string;
  path: string;
  /** The folder's `.waf-ai-lens.json` as last read (from the editor when open, else from disk); undefined when there is none. */
  configFile: ConfigParse | undefined;
  /** The editor's `wafAiLens` settings for this folder (user and workspace settings, merged by the editor). */
  editor: WafConfig;
}

/**
 * Holds every source of settings and answers "what applies to this file".
 * Precedence, lowest first: the built-in defaults (each rule's severity from principles/), the workspace folder's
 * `.waf-ai-lens.json` (the team's shared policy, which the CLI in CI reads too), then the editor settings (personal
 * overrides on top, which never reach CI). Rules and pillars are merged key by key; `exclude` globs add up.
 * Globs are relative to the workspace folder; files outside every folder get the editor's global settings only.
 */
export class SettingsStore {
  private folders: Folder[] = [];
  /** The editor settings without a folder scope, for files outside every workspace folder. */
  private globalEditor: WafConfig = {};
  private fingerprint = this.computeFingerprint();

  /** Replaces the workspace folders, keeping what is known about folders that stay. */
  setFolders(folders: readonly { uri: string; path: string }[]): void {
    const old = new Map(this.folders.map((f) => [f.uri, f]));
    // Longest path first, so a nested folder wins over the folder that contains it.
    this.folders = folders
      .map((f) => old.get(f.uri) ?? { uri: f.uri, path: f.path, configFile: undefined, editor: {} })
      .sort((a, b) => b.path.length - a.path.length);
  }

  /** The workspace folders, longest path first. */
  allFolders(): readonly { uri: string; path: string }[] {
    return this.folders;
  }

  /** The folder a file lies in, if any. */
  folderOf(file: string): { uri: string; path: string } | undefined {
    return this.folders.find((f) => isInside(file, f.path));
  }

  /** Records a folder's config file (undefined: there is none). */
  setConfigFile(folderPath: string, parsed: ConfigParse | undefined): void {
    const folder = this.folders.find((f) => f.path === folderPath);
    if (folder) folder.configFile = parsed;
  }

  /** Records the editor settings of a folder (by URI), or the global ones when `folderUri` is undefined. */
  setEditorSettings(folderUri: string | undefined, config: WafConfig): void {
    if (folderUri === undefined) {
      this.globalEditor = config;
      return;
    }
    const folder = this.folders.find((f) => f.uri === folderUri);
    if (folder) folder.editor = config;
  }

  /** The merged settings for one file path. */
  resolve(file: string): ResolvedSettings {
    const folder = this.folders.find((f) => isInside(file, f.path));
    if (!folder) {
      const merged = mergeConfigs(this.globalEditor);
      return { options: { rules: merged.rules ?? {}, pillars: merged.pillars ?? {} }, excluded: false };
    }
    const merged = mergeConfigs(folder.configFile?.config ?? {}, folder.editor);
    const relative = path.relative(folder.path, file).split(path.sep).join('/');
    return { options: { rules: merged.rules ?? {}, pillars: merged.pillars ?? {} }, excluded: isExcluded(relative, merged.exclude ?? []) };
  }

  /**
   * True when the effective settings changed since the last call: then every open document must be analysed again.
   * Comparing what applies (not what was received) keeps an unchanged settings push from re-publishing everything.
   */
  takeChange(): boolean {
    const next = this.computeFingerprint();
    const changed = next !== this.fingerprint;
    this.fingerprint = next;
    return changed;
  }

  private computeFingerprint(): string {
    const layers = this.folders.map((f) => [f.uri, mergeConfigs(f.configFile?.config ?? {}, f.editor)]);
    return JSON.stringify([layers, mergeConfigs(this.globalEditor)]);
  }
}

/** True when `file` lies inside `folder` (or is it); both are absolute paths. */
export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
