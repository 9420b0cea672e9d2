// `textDocument/hover`: the document's cached analysis, one engine call, one conversion.
import type { CancellationToken, Hover, HoverParams, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverAt } from '../engine';
import { toHover } from './convert';
import type { Logger } from './log';
import type { ModelCache } from './modelCache';
import { runSafe } from './runSafe';
import type { SettingsStore } from './settings';

/** Makes the hover handler: what WAF AI Lens checks on a resource, a setting or a finding under the cursor. */
export function hoverHandler(documents: TextDocuments<TextDocument>, cache: ModelCache, settings: SettingsStore, log: Logger) {
  return (params: HoverParams, token: CancellationToken) =>
    // A request without a document (a broken client) is answered with nothing, inside runSafe like every other answer.
    runSafe<Hover | null>(log, `Hover on ${String(params?.textDocument?.uri)}`, token, null, () => {
      const uri = params?.textDocument?.uri;
      const document = typeof uri === 'string' ? documents.get(uri) : undefined;
      const entry = document && cache.get(document);
      if (!document || !entry) return null;
      const text = document.getText();
      const info = hoverAt(entry.analysis, text, document.offsetAt(params.position), settings.resolve(entry.file.path).options);
      return info ? toHover(info, document) : null;
    });
}
