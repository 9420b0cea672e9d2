// Protocol tests of settings: editor settings pulled on change, the workspace config file, their precedence, and bad config.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { ruleMeta } from '../../server/src/engine/catalog';
import { checkDiagnostics } from './expectations';
import { fixture, LspTestClient } from './lspClient';

const ERROR = 1;
const WARNING = 2;
const INFORMATION = 3;

/** One editor-settings change on openai.bicep, and what the re-published diagnostics must then show. */
interface SettingsChange {
  title: string;
  settings: unknown;
  check(published: PublishDiagnosticsParams): void;
}

const severityOf = (published: PublishDiagnosticsParams, code: string): number | undefined =>
  published.diagnostics.find((d) => d.code === code)?.severity;

const CHANGES: SettingsChange[] = [
  {
    title: 'a rule set to error is re-published as an error, a rule set to off disappears',
    settings: { rules: { 'require-disable-local-auth': 'error', 'no-public-network-access': 'off' } },
    check(published) {
      assert.equal(severityOf(published, 'require-disable-local-auth'), ERROR);
      assert.equal(severityOf(published, 'no-public-network-access'), undefined);
      assert.equal(severityOf(published, 'require-search-replicas'), WARNING);
    },
  },
  {
    title: 'a pillar turned off silences its rules, except one the rules setting names',
    settings: { pillars: { security: false }, rules: { 'require-disable-local-auth': 'note' } },
    check(published) {
      const security = published.diagnostics.filter((d) => ruleMeta(String(d.code))?.pillar === 'security').map((d) => d.code);
      assert.deepEqual(security, ['require-disable-local-auth']);
      assert.equal(severityOf(published, 'require-disable-local-auth'), INFORMATION);
      assert.equal(severityOf(published, 'require-search-replicas'), WARNING);
    },
  },
  {
    title: 'an excluded file has no diagnostics',
    // Globs are relative to the workspace folder, test/fixtures/protocol.
    settings: { exclude: ['*.bicep'] },
    check(published) {
      assert.deepEqual(published.diagnostics, []);
    },
  },
];

describe('protocol: settings', () => {
  describe('editor settings', () => {
    let client: LspTestClient;

    beforeEach(async () => {
      client = await LspTestClient.start();
    });

    afterEach(() => client.dispose());

    for (const change of CHANGES) {
      it(`${change.title} (didChangeConfiguration, then the server pulls workspace/configuration)`, async () => {
        const { uri, text } = fixture('openai.bicep');
        checkDiagnostics(await client.diagnosticsAfter(uri, () => client.open(uri, text)), text, 1);
        const pulls = client.configurationRequests;
        const published = await client.diagnosticsAfter(uri, () => client.changeSettings(change.settings));
        assert.ok(client.configurationRequests > pulls, 'The server must pull the settings after a change.');
        assert.equal(published.version, 1, 'The same version is re-published under the new settings.');
        change.check(published);
        // Back to the defaults, the fixture's markers hold again.
        checkDiagnostics(await client.diagnosticsAfter(uri, () => client.changeSettings(null)), text, 1);
      });
    }

    it('applies the settings to the very first diagnostics', async () => {
      const configured = await LspTestClient.start({ settings: { rules: { 'require-search-replicas': 'error' } } });
      try {
        const { uri, text } = fixture('openai.bicep');
        const published = await configured.diagnosticsAfter(uri, () => configured.open(uri, text));
        assert.equal(severityOf(published, 'require-search-replicas'), ERROR);
      } finally {
        configured.dispose();
      }
    });
  });

  describe('the .waf-ai-lens.json config file', () => {
    let folder: string;
    let client: LspTestClient | undefined;

    beforeEach(() => {
      folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'waf-ai-lens-settings-')));
      fs.copyFileSync(fileURLToPath(fixture('openai.bicep').uri), path.join(folder, 'main.bicep'));
    });

    afterEach(() => {
      client?.dispose();
      client = undefined;
      fs.rmSync(folder, { recursive: true, force: true });
    });

    const configUri = (): string => pathToFileURL(path.join(folder, '.waf-ai-lens.json')).href;
    const mainUri = (): string => pathToFileURL(path.join(folder, 'main.bicep')).href;

    /** Starts a server on the temp folder with this config file, opens main.bicep and returns its first diagnostics. */
    async function session(config: string | undefined, settings?: unknown): Promise<{ client: LspTestClient; main: PublishDiagnosticsParams }> {
      if (config !== undefined) fs.writeFileSync(path.join(folder, '.waf-ai-lens.json'), config);
      client = await LspTestClient.start({ workspaceFolder: folder, settings });
      const text = fs.readFileSync(path.join(folder, 'main.bicep'), 'utf8');
      const main = await client.diagnosticsAfter(mainUri(), () => client!.open(mainUri(), text));
      return { client, main };
    }

    /** The config file's diagnostics. The server reads it before it analyses any document, so they have arrived by now. */
    function configDiagnostics(c: LspTestClient): PublishDiagnosticsParams['diagnostics'] {
      return c.published.get(configUri())?.at(-1)?.diagnostics ?? [];
    }

    it('applies a valid config file', async () => {
      const { client, main } = await session('{ "rules": { "require-search-replicas": "error", "no-public-network-access": "off" } }');
      assert.equal(severityOf(main, 'require-search-replicas'), ERROR);
      assert.equal(severityOf(main, 'no-public-network-access'), undefined);
      assert.equal(client.published.get(configUri()), undefined, 'A valid config file gets no diagnostics.');
    });

    it('reports each invalid part in the file, and applies the valid rest', async () => {
      const config = [
        '{',
        '  "rules": {',
        '    "require-search-replicas": "error",',
        '    "require-disable-local-oauth": "off",',
        '    "no-public-network-access": "loud"',
        '  },',
        '  "pillars": { "security": "no" }',
        '}',
      ].join('\n');
      const { client, main } = await session(config);
      const problems = configDiagnostics(client).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.message}`);
      assert.deepEqual(problems, [
        '4:5 1 Unknown rule id "require-disable-local-oauth"; it is ignored. Did you mean "require-disable-local-auth"?',
        '5:33 1 The level of "no-public-network-access" must be "error", "warning", "note" or "off"; its default applies.',
        '7:28 1 The pillar "security" must be true or false; it stays on.',
      ]);
      assert.equal(severityOf(main, 'require-search-replicas'), ERROR, 'The valid setting applies.');
      assert.equal(severityOf(main, 'require-disable-local-auth'), WARNING, 'An unknown id changes nothing.');
      assert.equal(severityOf(main, 'no-public-network-access'), WARNING, 'An invalid level leaves the default.');
    });

    it('reports a file that is not JSON, and analyses with the defaults', async () => {
      const { client, main } = await session('{ "rules": { "require-search-replicas": "error", }');
      const [problem, ...more] = configDiagnostics(client);
      assert.deepEqual(more, []);
      assert.match(String(problem!.message), /the file is not valid JSON, so the defaults apply\.$/);
      assert.equal(problem!.severity, ERROR);
      checkDiagnostics(main, fs.readFileSync(path.join(folder, 'main.bicep'), 'utf8'), 1);
    });

    it('lets editor settings override the config file, rule by rule', async () => {
      const { main } = await session('{ "rules": { "require-search-replicas": "error", "require-disable-local-auth": "error" } }', {
        rules: { 'require-search-replicas': 'note' },
      });
      assert.equal(severityOf(main, 'require-search-replicas'), INFORMATION, 'The personal override wins.');
      assert.equal(severityOf(main, 'require-disable-local-auth'), ERROR, 'The team policy holds where not overridden.');
    });

    it('follows the config file as it is edited in the editor, and on disk', async () => {
      const { client } = await session('{}');
      const uri = configUri();
      // Typing into the open config file: problems show at once; an invalid level changes nothing, so nothing is re-analysed.
      await client.open(uri, '{}', 'json');
      const bad = await client.diagnosticsAfter(uri, () => client.replace(uri, '{}', '{ "rules": { "require-search-replicas": "loud" } }'));
      assert.equal(bad.diagnostics.length, 1);
      // Once valid, the problem clears and the analysis follows the file.
      const cleared = client.nextDiagnostics(uri);
      const fixed = await client.diagnosticsAfter(mainUri(), () => client.replace(uri, '"loud"', '"error"'));
      assert.deepEqual((await cleared).diagnostics, []);
      assert.equal(severityOf(fixed, 'require-search-replicas'), ERROR);

      // Closing it falls back to the file on disk ('{}'), and a change on disk is read when the client reports it.
      const closed = await client.diagnosticsAfter(mainUri(), () => client.close(uri));
      assert.equal(severityOf(closed, 'require-search-replicas'), WARNING);
      fs.writeFileSync(path.join(folder, '.waf-ai-lens.json'), '{ "rules": { "require-search-replicas": "off" } }');
      const watched = await client.diagnosticsAfter(mainUri(), () =>
        client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Changed }] }),
      );
      assert.equal(severityOf(watched, 'require-search-replicas'), undefined);
    });
  });
});
