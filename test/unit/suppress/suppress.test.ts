// Engine tests of suppression comments in both languages: fixtures mark what stays reported (^) and what is silenced (~).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeFile, parseFile, suppressionFix, type AnalyzeOptions, type Finding } from '../../../server/src/engine';
import { applyEdits } from '../../support/applyEdits';
import { describeActual } from '../../support/markers';
import { fixturePath } from '../../support/repo';

const DIR = fixturePath('suppress');

/** The rules whose findings the fixtures mark; the others (on the same resources) are not these tests' business. */
const MARKED = new Set(['no-public-network-access', 'require-disable-local-auth', 'require-search-replicas', 'waf-ai-lens-suppression']);

// A marker line: `^` under a finding that stays reported, `~` under one a suppression silences (with its reason).
const MARKER = /^\s*(?:\/\/|#)(\s*)(\^+|~+)\s+(error|warning|note|suppressed)\s+([a-z0-9-]+)(?::\s?(.*))?$/;

interface Marked {
  reported: string[];
  suppressed: string[];
}

/** Reads both kinds of markers as `line:start-end severity rule` (suppressed ones with their reason). */
function readMarked(text: string): Marked {
  const marked: Marked = { reported: [], suppressed: [] };
  let codeLine = -1;
  text.split(/\r?\n/).forEach((line, index) => {
    const m = MARKER.exec(line);
    if (!m) {
      codeLine = index;
      return;
    }
    const start = line.search(/[\^~]/);
    const where = `${codeLine + 1}:${start}-${start + m[2]!.length}`;
    if (m[3] === 'suppressed') marked.suppressed.push(`${where} ${m[4]}: ${m[5] ?? ''}`);
    else marked.reported.push(`${where} ${m[3]} ${m[4]}`);
  });
  return marked;
}

function where(text: string, f: Finding): string {
  return describeActual(text, f).split(': ')[0]!.replace(/ (error|warning|note) [a-z0-9-]+$/, '');
}

/** The one check: a fixture's findings and suppressed findings are exactly its markers, and suppression comments parse. */
function check(name: string): void {
  const file = path.join(DIR, name);
  const text = fs.readFileSync(file, 'utf8');
  const optionsFile = file.replace(/\.(bicep|tf)$/, '.options.json');
  const options = fs.existsSync(optionsFile) ? (JSON.parse(fs.readFileSync(optionsFile, 'utf8')) as AnalyzeOptions) : {};
  const analysis = analyzeFile(file, text, undefined, options)!;
  const expected = readMarked(text);
  const reported = analysis.findings.filter((f) => MARKED.has(f.ruleId)).map((f) => `${where(text, f)} ${f.severity} ${f.ruleId}`);
  assert.deepEqual(reported.sort(), expected.reported.sort(), 'reported findings');
  const suppressed = (analysis.suppressed ?? []).map((f) => `${where(text, f)} ${f.ruleId}: ${f.suppression.reason}`);
  assert.deepEqual(suppressed.sort(), expected.suppressed.sort(), 'suppressed findings');
}

describe('suppression comments', () => {
  for (const name of fs.readdirSync(DIR).filter((n) => /\.(bicep|tf)$/.test(n)).sort()) {
    it(`${name}: reports and silences exactly what its markers say`, () => check(name));
  }

  it('every fixture language is covered', () => {
    const names = fs.readdirSync(DIR);
    for (const base of ['resource-scope', 'line-scope', 'invalid', 'not-comments']) {
      assert.ok(names.includes(`${base}.bicep`) && names.includes(`${base}.tf`), `${base} needs a Bicep and a Terraform fixture`);
    }
  });
});

/** A "Suppress" fix case: the file, the finding's rule, and the text the fix must produce (`@@` marks where it inserts). */
interface InsertCase {
  title: string;
  file: string;
  text: string;
  ruleId: string;
  resource: string;
  inserted: string;
}

const INSERTS: InsertCase[] = [
  {
    title: 'Bicep: above the decorators, with `//`',
    file: '/w/main.bicep',
    text: "@description('x')\nresource aoai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: 'a'\n  kind: 'OpenAI'\n  properties: {\n    disableLocalAuth: false\n  }\n}\n",
    ruleId: 'require-disable-local-auth',
    resource: 'aoai',
    inserted: "// waf-ai-lens-ignore require-disable-local-auth: TODO explain why\n@description('x')\nresource aoai",
  },
  {
    title: 'Bicep: a nested child resource gets the indentation of its own declaration',
    file: '/w/main.bicep',
    text: "resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: 'a'\n  kind: 'OpenAI'\n  resource chat 'deployments@2024-10-01' = {\n    name: 'gpt'\n    properties: {\n      model: { format: 'OpenAI', name: 'gpt-4o' }\n    }\n  }\n}\n",
    ruleId: 'require-deployment-model-version',
    resource: 'openAi::chat',
    inserted: "  kind: 'OpenAI'\n  // waf-ai-lens-ignore require-deployment-model-version: TODO explain why\n  resource chat",
  },
  {
    title: 'Bicep: a file with CRLF line ends gets a CRLF line',
    file: '/w/main.bicep',
    text: "resource s 'Microsoft.Storage/storageAccounts@2023-05-01' = {\r\n  name: 's'\r\n  resource aoai 'x' = {}\r\n}\r\nresource search 'Microsoft.Search/searchServices@2023-11-01' = {\r\n  name: 'x'\r\n  sku: {\r\n    name: 'standard'\r\n  }\r\n  properties: {\r\n    replicaCount: 1\r\n  }\r\n}\r\n",
    ruleId: 'require-search-replicas',
    resource: 'search',
    inserted: "}\r\n// waf-ai-lens-ignore require-search-replicas: TODO explain why\r\nresource search",
  },
  {
    title: 'Terraform: with `#`, in the block indentation',
    file: '/w/main.tf',
    text: 'resource "azurerm_cognitive_account" "openai" {\n  name               = "x"\n  kind               = "OpenAI"\n  local_auth_enabled = true\n}\n',
    ruleId: 'require-disable-local-auth',
    resource: 'azurerm_cognitive_account.openai',
    inserted: '# waf-ai-lens-ignore require-disable-local-auth: TODO explain why\nresource "azurerm_cognitive_account"',
  },
];

describe('the "Suppress … for this resource" fix', () => {
  for (const c of INSERTS) {
    it(c.title, () => {
      const analysis = analyzeFile(c.file, c.text)!;
      const finding = analysis.findings.find((f) => f.ruleId === c.ruleId && f.resourceName === c.resource);
      assert.ok(finding, `no ${c.ruleId} finding on ${c.resource}`);
      const fix = suppressionFix(analysis.model, c.text, finding)!;
      assert.equal(fix.title, `Suppress ${c.ruleId} for this resource`);
      assert.equal(fix.safe, false, 'a suppression is never applied by fix-all');
      const fixed = applyEdits(c.text, fix.edits);
      assert.ok(fixed.includes(c.inserted), `the fix wrote:\n${fixed}`);
      assert.deepEqual(parseFile(c.file, fixed)!.parseErrors, [], 'the fixed text parses');
      const after = analyzeFile(c.file, fixed)!;
      assert.equal(after.findings.filter((f) => f.ruleId === c.ruleId && f.resourceName === c.resource).length, 0, 'the finding is silenced');
      assert.deepEqual(
        after.findings.filter((f) => f.ruleId === 'waf-ai-lens-suppression').map((f) => f.severity),
        ['note'],
        'the placeholder reason is reported as a note',
      );
    });
  }

  it('is not offered for findings about suppression comments', () => {
    const text = "// waf-ai-lens-ignore nothing-here: x\nresource a 'Microsoft.Search/searchServices@2023-11-01' = {\n  name: 'a'\n}\n";
    const analysis = analyzeFile('/w/main.bicep', text)!;
    const about = analysis.findings.find((f) => f.ruleId === 'waf-ai-lens-suppression')!;
    assert.equal(suppressionFix(analysis.model, text, about), undefined);
  });
});
