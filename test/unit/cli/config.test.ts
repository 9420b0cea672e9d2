// End-to-end tests of the CLI's config file and suppression comments: rules, pillars, exclude, --config, and bad config.
import * as assert from 'node:assert/strict';
import { main } from '../../../server/src/cli/main';
import type { JsonReport } from '../../../server/src/cli/format/json';
import { captureIo, lines, tempFolder, writeTree } from './helpers';

const ACCOUNT = lines(
  "resource aoai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {",
  "  name: 'x'",
  "  kind: 'OpenAI'",
  '  properties: {',
  '    disableLocalAuth: false // waf-ai-lens-ignore require-disable-local-auth: the legacy client signs with a key until Q3',
  "    publicNetworkAccess: 'Enabled'",
  '  }',
  '}',
  '',
);

const SEARCH = lines(
  'resource "azurerm_search_service" "search" {',
  '  name          = "srch"',
  '  sku           = "standard"',
  '  replica_count = 1',
  '}',
  '',
);

/** A config case: the files of a temp folder, the command line, and what must come out. */
interface ConfigCase {
  title: string;
  files: Record<string, string>;
  argv: string[];
  exit: number;
  /** Each reported finding as `file rule severity`, for the rules these tests look at. */
  findings?: string[];
  suppressed?: string[];
  stderr?: RegExp[];
}

const LOOKED_AT = new Set(['require-disable-local-auth', 'no-public-network-access', 'require-search-replicas', 'waf-ai-lens-suppression']);

const CASES: ConfigCase[] = [
  {
    title: 'without a config file: defaults, and the suppression comment is honoured',
    files: { 'infra/main.bicep': ACCOUNT, 'infra/search.tf': SEARCH },
    argv: ['review', '.', '--format', 'json', '--fail-on', 'none'],
    exit: 0,
    findings: ['infra/main.bicep no-public-network-access warning', 'infra/search.tf require-search-replicas warning'],
    suppressed: ['infra/main.bicep require-disable-local-auth: the legacy client signs with a key until Q3'],
  },
  {
    title: '.waf-ai-lens.json in the current folder sets severities, turns rules off and excludes files',
    files: {
      '.waf-ai-lens.json': '{ "rules": { "require-search-replicas": "error", "no-public-network-access": "off" }, "exclude": ["legacy"] }',
      'infra/main.bicep': ACCOUNT,
      'infra/search.tf': SEARCH,
      'legacy/old.tf': SEARCH,
    },
    argv: ['review', '.', '--format', 'json'],
    exit: 1,
    findings: ['infra/search.tf require-search-replicas error'],
    suppressed: ['infra/main.bicep require-disable-local-auth: the legacy client signs with a key until Q3'],
  },
  {
    title: '--config names another file; its globs are relative to its folder and never reach outside it',
    files: {
      'ci/waf.json': '{ "pillars": { "reliability": false }, "exclude": ["../infra/main.bicep"] }',
      'infra/main.bicep': ACCOUNT,
      'infra/search.tf': SEARCH,
    },
    argv: ['review', '.', '--format', 'json', '--config', 'ci/waf.json', '--fail-on', 'none'],
    exit: 0,
    findings: ['infra/main.bicep no-public-network-access warning'],
    suppressed: ['infra/main.bicep require-disable-local-auth: the legacy client signs with a key until Q3'],
  },
  {
    title: 'an invalid config is reported on stderr and the review goes on with the defaults for what is invalid',
    files: { '.waf-ai-lens.json': '{ "rules": { "require-search-replicas": "loud", "no-public-network-access": "off" } }', 'infra/search.tf': SEARCH, 'infra/main.bicep': ACCOUNT },
    argv: ['review', '.', '--format', 'json', '--fail-on', 'none'],
    exit: 0,
    findings: ['infra/search.tf require-search-replicas warning'],
    stderr: [/^waf-ai-lens: \.waf-ai-lens\.json:1:41: error: The level of "require-search-replicas" must be/m],
  },
  {
    title: 'a config file that is not JSON: reported, all defaults',
    files: { '.waf-ai-lens.json': '{ rules: {} }', 'infra/search.tf': SEARCH },
    argv: ['review', '.', '--format', 'json', '--fail-on', 'none'],
    exit: 0,
    findings: ['infra/search.tf require-search-replicas warning'],
    stderr: [/\.waf-ai-lens\.json:1:3: error: Expected a property name in double quotes: the file is not valid JSON, so the defaults apply\./],
  },
  {
    title: '--config naming a missing file is a usage error',
    files: { 'infra/search.tf': SEARCH },
    argv: ['review', '.', '--config', 'nope.json'],
    exit: 2,
    stderr: [/^waf-ai-lens: the config file nope\.json could not be read \(ENOENT\)\. Run "waf-ai-lens --help" for usage\.$/m],
  },
];

/** The one check: run the CLI in a temp folder holding the case's files, and compare exit code, findings and stderr. */
async function check(c: ConfigCase): Promise<void> {
  const tmp = tempFolder();
  try {
    writeTree(tmp.dir, c.files);
    const io = captureIo(tmp.dir);
    assert.equal(await main(c.argv, io), c.exit, io.err());
    for (const pattern of c.stderr ?? []) assert.match(io.err(), pattern);
    if (c.findings === undefined) return;
    const json = JSON.parse(io.out()) as JsonReport;
    assert.deepEqual(
      json.findings.filter((f) => LOOKED_AT.has(f.ruleId)).map((f) => `${f.file} ${f.ruleId} ${f.severity}`),
      c.findings,
    );
    if (c.suppressed) assert.deepEqual(json.suppressed.map((f) => `${f.file} ${f.ruleId}: ${f.suppression.reason}`), c.suppressed);
  } finally {
    tmp.cleanup();
  }
}

describe('cli: config file and suppressions', () => {
  for (const c of CASES) it(c.title, () => check(c));
});
