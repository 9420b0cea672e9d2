// `workspace/configuration` and `workspace/didChangeConfiguration`: the editor's `wafAiLens.*` settings, per workspace folder.
import type { Connection, DidChangeConfigurationParams } from 'vscode-languageserver';
import { parseConfigValue, type WafConfig } from '../engine';
import { describeError, type Logger } from './log';
import type { SettingsStore } from './settings';

/** The settings section the server reads: `wafAiLens.rules`, `wafAiLens.pillars`, `wafAiLens.exclude`. */
export const SETTINGS_SECTION = 'wafAiLens';

/**
 * Reads the editor settings into the store. With a client that answers `workspace/configuration` (VS Code and most
 * others), the server pulls the section for each workspace folder (so folder-level settings apply) and for no folder;
 * `didChangeConfiguration` then only says "pull again". With an older client, the settings pushed in that notification are used.
 */
export class EditorSettings {
  constructor(
    private readonly connection: Connection,
    private readonly settings: SettingsStore,
    private readonly log: Logger,
    private readonly canPull: () => boolean,
  ) {}

  /** Pulls the settings of every folder and of no folder; a client that fails to answer leaves the previous ones. */
  async pull(): Promise<void> {
    if (!this.canPull()) return;
    const folders = this.settings.allFolders();
    const items = [{ section: SETTINGS_SECTION }, ...folders.map((f) => ({ scopeUri: f.uri, section: SETTINGS_SECTION }))];
    let answers: unknown[];
    try {
      answers = await this.connection.workspace.getConfiguration(items);
    } catch (error) {
      this.log.warn(`Could not read the editor settings; keeping the previous ones: ${describeError(error)}`);
      return;
    }
    this.settings.setEditorSettings(undefined, this.check(answers[0], 'the user settings'));
    folders.forEach((folder, i) => this.settings.setEditorSettings(folder.uri, this.check(answers[i + 1], `the settings of ${folder.path}`)));
  }

  /** Handles `workspace/didChangeConfiguration`. */
  async onDidChange(params: DidChangeConfigurationParams): Promise<void> {
    if (this.canPull()) {
      await this.pull();
      return;
    }
    const pushed = (params.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    const config = this.check(pushed, 'the pushed settings');
    this.settings.setEditorSettings(undefined, config);
    for (const folder of this.settings.allFolders()) this.settings.setEditorSettings(folder.uri, config);
  }

  /**
   * Checks settings as the config file is checked; what is invalid is left out and logged. The editor validates its own
   * settings against the extension's manifest, so these problems show mainly with other editors.
   */
  private check(value: unknown, where: string): WafConfig {
    // `wafAiLens.trace.server` belongs to the language client, not to the analysis.
    const { trace: _trace, ...analysis } = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
    const parsed = parseConfigValue(analysis);
    for (const problem of parsed.problems) this.log.warn(`In ${where}: ${problem.message}`);
    return parsed.config;
  }
}
