// Editor tests in a real VS Code: diagnostics, quick fixes, hovers, rule settings, suppression comments, cross-file findings and the review command, through the vscode API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  captureWebviewPanels,
  codeOf,
  contributedSetting,
  describeDiagnostics,
  firstPrincipleTitle,
  insertLineAbove,
  notImplementedYet,
  openCopy,
  report,
  requireCommand,
  requireServerCapability,
  requireSuppressionSupport,
  revertAndCloseDirtyEditors,
  theExtension,
  waitForDiagnostics,
  waitForTab,
} from './support';

/** A finding the fixture must draw: its rule id and the text its diagnostic underlines. */
interface Expected {
  rule: string;
  underlines: string;
}

/** One fixture file of test/e2e/workspace and what the editor must show for it. */
interface FileCase {
  file: string;
  /** The language id the editor gives the file (from this extension's contributions, or the official extensions'). */
  languageId: string;
  findings: Expected[];
  /** The quick fix to apply: the finding it fixes, its title, and what the fixed text must contain. */
  fix: { rule: string; title: string; becomes: RegExp };
  /** A suppression comment, written on its own line above the finding's line. */
  suppression: { rule: string; comment: string };
  /** The finding whose hover must name the principle it serves. */
  hover: string;
}

const CASES: FileCase[] = [
  {
    file: 'main.bicep',
    languageId: 'bicep',
    findings: [
      { rule: 'require-disable-local-auth', underlines: 'false' },
      { rule: 'no-public-network-access', underlines: "'Enabled'" },
      { rule: 'require-search-replicas', underlines: '1' },
    ],
    fix: { rule: 'require-disable-local-auth', title: 'Disable key-based authentication', becomes: /^ {4}disableLocalAuth: true$/m },
    suppression: {
      rule: 'require-disable-local-auth',
      comment: '    // waf-ai-lens-ignore require-disable-local-auth: the batch importer signs with keys until it moves to Entra ID',
    },
    hover: 'require-disable-local-auth',
  },
  {
    file: 'main.tf',
    languageId: 'terraform',
    findings: [
      { rule: 'require-disable-local-auth', underlines: 'true' },
      { rule: 'no-public-network-access', underlines: 'true' },
      { rule: 'require-search-replicas', underlines: '1' },
    ],
    fix: { rule: 'require-disable-local-auth', title: 'Disable key-based authentication', becomes: /^ {2}local_auth_enabled\s+= false$/m },
    suppression: {
      rule: 'require-disable-local-auth',
      comment: '  # waf-ai-lens-ignore require-disable-local-auth: the batch importer signs with keys until it moves to Entra ID',
    },
    hover: 'require-disable-local-auth',
  },
];

/** The rule whose severity the settings test changes, and the file it watches. */
const SETTING_CASE = { file: 'main.bicep', rule: 'require-search-replicas', from: vscode.DiagnosticSeverity.Warning, to: 'error' } as const;

/**
 * A template whose finding comes from its parameter file (test/e2e/workspace/params/): the value, what the finding
 * underlines in the template, and a compliant value that clears it.
 */
const CROSS_FILE_CASE = {
  template: 'params/account.bicep',
  params: 'params/account.bicepparam',
  rule: 'no-public-network-access',
  underlines: 'publicAccess',
  value: "'Enabled'",
  compliant: "'Disabled'",
} as const;

const REVIEW_COMMAND = 'wafAiLens.reviewWorkload';
/** The report panel's view type (client/src/review/panel.ts). */
const REVIEW_VIEW_TYPE = 'wafAiLens.review';
/** Declarations of the fixture workspace the report's workload map must draw as boxes, and the one it must mark public. */
const MAP_CASE = {
  nodes: ['main.bicep#openAi', 'main.bicep#search', 'main.tf#azurerm_cognitive_account.openai', 'main.tf#azurerm_search_service.search'],
  publicNode: 'main.bicep#openAi',
} as const;
const SUPPRESSION_KEYWORD = 'waf-ai-lens-ignore';
const SUPPRESSION_FINDING = 'waf-ai-lens-suppression';

/**
 * A predicate over a document's diagnostics: every `expected` finding is there, underlining its text in the document as it
 * is now (so diagnostics computed for an older version do not count), and no finding of an `absent` rule is.
 */
function showing(document: vscode.TextDocument, expected: readonly Expected[], absent: readonly string[] = []) {
  return (diagnostics: vscode.Diagnostic[]): boolean =>
    expected.every((e) => diagnostics.some((d) => codeOf(d) === e.rule && document.getText(d.range) === e.underlines)) &&
    absent.every((rule) => !diagnostics.some((d) => codeOf(d) === rule));
}

/** Opens a fresh copy of a case's file and waits until its findings are shown. */
async function openWithFindings(c: FileCase, label: string): Promise<{ document: vscode.TextDocument; diagnostics: vscode.Diagnostic[] }> {
  const { document } = await openCopy(c.file, label);
  const diagnostics = await waitForDiagnostics(document.uri, `findings ${c.findings.map((f) => f.rule).join(', ')}`, showing(document, c.findings));
  return { document, diagnostics };
}

function diagnosticOf(diagnostics: readonly vscode.Diagnostic[], rule: string): vscode.Diagnostic {
  const diagnostic = diagnostics.find((d) => codeOf(d) === rule);
  assert.ok(diagnostic, `No ${rule} diagnostic among: ${describeDiagnostics(diagnostics)}`);
  return diagnostic;
}

/** The value of `wafAiLens.rules` that sets one rule's severity, in the shape the contributed schema describes. */
function severitySetting(schema: Record<string, unknown>, rule: string, severity: string): Record<string, unknown> {
  type Schema = { type?: unknown; enum?: unknown; properties?: Record<string, Schema>; additionalProperties?: Schema; patternProperties?: Record<string, Schema>; anyOf?: Schema[]; oneOf?: Schema[] };
  const s = schema as Schema;
  const entry = s.properties?.[rule] ?? s.additionalProperties ?? Object.values(s.patternProperties ?? {})[0];
  const shapes = entry ? [entry, ...(entry.anyOf ?? []), ...(entry.oneOf ?? [])] : [];
  // A bare severity (`"error"`, as ESLint writes it) when the schema allows one; else an object with a severity field
  // (`{ "severity": "error" }` or the Bicep linter's `{ "level": "error" }`).
  if (shapes.length === 0 || shapes.some((shape) => shape.type === 'string' || Array.isArray(shape.enum))) return { [rule]: severity };
  const field = shapes.map((shape) => Object.keys(shape.properties ?? {}).find((key) => key === 'severity' || key === 'level')).find(Boolean);
  return { [rule]: { [field ?? 'severity']: severity } };
}

describe('editor: WAF AI Lens in a real VS Code', () => {
  before(async function () {
    const extension = theExtension();
    const started = performance.now();
    const wasActive = extension.isActive;
    await extension.activate();
    // The runner prints the client's own measurement from its log; this line says whether the tests waited for activation.
    report(wasActive ? '(the extension was already active)' : `(activated by the tests in ${Math.round(performance.now() - started)} ms)`);
  });

  afterEach(revertAndCloseDirtyEditors);

  for (const c of CASES) {
    describe(c.file, () => {
      it('shows the findings with their rule ids on the values they are about', async () => {
        const { document, diagnostics } = await openWithFindings(c, `${c.file} diagnostics`);
        assert.equal(document.languageId, c.languageId);
        for (const d of diagnostics) assert.equal(d.source, 'WAF AI Lens');
      });

      it(`quick fix "${c.fix.title}" edits the document and clears its finding`, async () => {
        await requireServerCapability('quick fixes', 'codeActionProvider');
        const { document, diagnostics } = await openWithFindings(c, `${c.file} quick fix`);
        const target = diagnosticOf(diagnostics, c.fix.rule);
        const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
          'vscode.executeCodeActionProvider',
          document.uri,
          target.range,
        );
        const fix = actions.find((a): a is vscode.CodeAction => typeof a.command !== 'string' && a.title === c.fix.title);
        assert.ok(fix, `No code action "${c.fix.title}" at ${c.fix.rule}; offered: ${actions.map((a) => `"${a.title}"`).join(', ') || 'none'}`);
        assert.ok(fix.edit, `The code action "${c.fix.title}" carries no edit.`);
        assert.ok(await vscode.workspace.applyEdit(fix.edit), 'The editor refused the quick fix.');
        assert.match(document.getText(), c.fix.becomes);
        const others = c.findings.filter((f) => f.rule !== c.fix.rule);
        await waitForDiagnostics(document.uri, `diagnostics without ${c.fix.rule}`, showing(document, others, [c.fix.rule]));
      });

      it('the hover on a finding names the design principle it serves', async () => {
        await requireServerCapability('hovers', 'hoverProvider');
        const { document, diagnostics } = await openWithFindings(c, `${c.file} hover`);
        const target = diagnosticOf(diagnostics, c.hover);
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, target.range.start);
        const text = hovers
          .flatMap((hover) => hover.contents)
          .map((content) => (typeof content === 'string' ? content : content.value))
          .join('\n');
        const principle = firstPrincipleTitle(c.hover);
        assert.ok(text.includes(principle), `The hover on ${c.hover} does not name "${principle}"; it reads:\n${text || '(nothing)'}`);
      });

      it(`a ${SUPPRESSION_KEYWORD} comment with a reason silences the finding below it`, async () => {
        requireSuppressionSupport(SUPPRESSION_KEYWORD);
        const { document, diagnostics } = await openWithFindings(c, `${c.file} suppression`);
        const target = diagnosticOf(diagnostics, c.suppression.rule);
        await insertLineAbove(document, target.range.start.line, c.suppression.comment);
        const others = c.findings.filter((f) => f.rule !== c.suppression.rule);
        await waitForDiagnostics(
          document.uri,
          `diagnostics without ${c.suppression.rule} (and no ${SUPPRESSION_FINDING} finding)`,
          showing(document, others, [c.suppression.rule, SUPPRESSION_FINDING]),
        );
      });
    });
  }

  describe('settings', () => {
    afterEach(async () => {
      if (contributedSetting('wafAiLens.rules')) {
        await vscode.workspace.getConfiguration('wafAiLens').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });

    it(`wafAiLens.rules changes the severity of ${SETTING_CASE.rule} while its file is open, and back`, async () => {
      const schema = contributedSetting('wafAiLens.rules');
      if (!schema) notImplementedYet('rule settings', 'The manifest contributes no `wafAiLens.rules` setting.');
      const c = CASES.find((k) => k.file === SETTING_CASE.file)!;
      const { document, diagnostics } = await openWithFindings(c, 'settings severity');
      assert.equal(diagnosticOf(diagnostics, SETTING_CASE.rule).severity, SETTING_CASE.from);
      const to = vscode.DiagnosticSeverity.Error;
      const withSeverity = (severity: vscode.DiagnosticSeverity) => (ds: vscode.Diagnostic[]) =>
        showing(document, c.findings)(ds) && ds.some((d) => codeOf(d) === SETTING_CASE.rule && d.severity === severity);
      const config = vscode.workspace.getConfiguration('wafAiLens');
      await config.update('rules', severitySetting(schema, SETTING_CASE.rule, SETTING_CASE.to), vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(document.uri, `${SETTING_CASE.rule} as an error`, withSeverity(to));
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(document.uri, `${SETTING_CASE.rule} back at its default severity`, withSeverity(SETTING_CASE.from));
    });
  });

  describe('cross-file evaluation', () => {
    it(`a .bicepparam value causes ${CROSS_FILE_CASE.rule} on its template, and editing the value clears it`, async () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      assert.ok(folder, 'The editor tests need the fixture workspace open.');
      const template = vscode.Uri.joinPath(folder.uri, CROSS_FILE_CASE.template);
      const paramsUri = vscode.Uri.joinPath(folder.uri, CROSS_FILE_CASE.params);
      // Only the parameter file is open: the server publishes the template's finding because it relates to the file edited.
      const params = await vscode.workspace.openTextDocument(paramsUri);
      await vscode.window.showTextDocument(params);
      const templateText = new TextDecoder().decode(await vscode.workspace.fs.readFile(template));
      const underlined = (d: vscode.Diagnostic): boolean => {
        const lines = templateText.split('\n');
        const line = lines[d.range.start.line] ?? '';
        return d.range.start.line === d.range.end.line && line.slice(d.range.start.character, d.range.end.character) === CROSS_FILE_CASE.underlines;
      };
      const isFinding = (d: vscode.Diagnostic): boolean => codeOf(d) === CROSS_FILE_CASE.rule;
      const shown = await waitForDiagnostics(template, `${CROSS_FILE_CASE.rule} from ${CROSS_FILE_CASE.params}`, (ds) => ds.some(isFinding));
      const finding = shown.find(isFinding)!;
      assert.ok(underlined(finding), `The finding underlines line ${finding.range.start.line + 1}, not \`${CROSS_FILE_CASE.underlines}\` in the template.`);
      const related = finding.relatedInformation?.find((r) => r.location.uri.toString() === paramsUri.toString());
      assert.ok(related, `The finding's related information does not point at ${CROSS_FILE_CASE.params}.`);
      assert.equal(params.getText(related.location.range), CROSS_FILE_CASE.value, 'The related information points at the value.');

      const edit = new vscode.WorkspaceEdit();
      edit.replace(paramsUri, related.location.range, CROSS_FILE_CASE.compliant);
      assert.ok(await vscode.workspace.applyEdit(edit), 'The editor refused the edit.');
      await waitForDiagnostics(template, `${CROSS_FILE_CASE.rule} cleared once the value is ${CROSS_FILE_CASE.compliant}`, (ds) => !ds.some(isFinding));
    });
  });

  describe('commands', () => {
    // Installed before the first review, so that the report panel the client creates is captured (it is reused afterwards).
    let reportPanels: vscode.WebviewPanel[] = [];
    before(() => {
      reportPanels = captureWebviewPanels(REVIEW_VIEW_TYPE);
    });

    it(`"WAF AI Lens: Review workload" (${REVIEW_COMMAND}) opens the report in a webview`, async () => {
      await requireCommand('the Review workload command', REVIEW_COMMAND);
      const isReport = (tab: vscode.Tab): boolean => tab.input instanceof vscode.TabInputWebview;
      const opened = waitForTab('report webview', isReport);
      await vscode.commands.executeCommand(REVIEW_COMMAND);
      const tab = await opened;
      assert.ok(tab.label.length > 0, 'The report tab has no title.');
    });

    it('the report in the webview holds the workload map, with the public resource marked', async () => {
      await requireCommand('the Review workload command', REVIEW_COMMAND);
      await vscode.commands.executeCommand(REVIEW_COMMAND);
      // The command resolves once the panel has been given the report.
      const panel = reportPanels.at(-1);
      assert.ok(panel, `The review created no webview panel of type ${REVIEW_VIEW_TYPE}.`);
      const html = panel.webview.html;
      assert.match(html, /<section class="section" id="workload-map">/, 'The report has no workload map section.');
      assert.match(html, /<svg class="workload-map"/, 'The workload map section draws no map.');
      const nodes = [...html.matchAll(/data-node="([^"]*)"[^>]*>/g)].map((m) => ({ id: m[1]!, tag: m[0] }));
      for (const id of MAP_CASE.nodes) {
        // A node's id starts with its file as the review names it (relative to the folder, or a URI).
        assert.ok(nodes.some((n) => n.id === id || n.id.endsWith(`/${id}`)), `The map draws no box for ${id}; it draws: ${nodes.map((n) => n.id).join(', ')}`);
      }
      const publicBox = nodes.find((n) => n.id === MAP_CASE.publicNode || n.id.endsWith(`/${MAP_CASE.publicNode}`))!;
      assert.match(publicBox.tag, /data-exposure="public"/, `${MAP_CASE.publicNode} is not marked as reachable from the public internet.`);
    });
  });
});
