// Seeded fuzzing of both front ends and the analysis: random edits of every fixture and of generated files keep every invariant.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeFile, analyzeWorkspace, parseFile, type FileAnalysis } from '../../server/src/engine';
import { FUZZ_RUNS, FUZZ_SEED, LONG_RUN } from './support/budget';
import { fileFor, fixturesOf, generatedOfSize, generatedSamples, type Language, type Sample } from './support/corpus';
import { allViolations, analysisViolations, applyTextEdits, errorText, preview } from './support/invariants';
import { applyMutations, mutations } from './support/mutate';

/** fast-check's settings for every property here: seeded, bounded, and quiet unless a property fails. */
function settings(runs: number): fc.Parameters<unknown> {
  return { seed: FUZZ_SEED, numRuns: runs };
}

/**
 * The property every fuzzer checks: the mutated text parses and analyses without throwing, keeps every span sound,
 * and every fix it offers leaves the file parsing no worse. The failure message carries the text, for a regression test.
 */
function holdsFor(samples: readonly Sample[], runs: number): void {
  fc.assert(
    fc.property(fc.nat({ max: samples.length - 1 }), mutations, (index, edits) => {
      const sample = samples[index]!;
      const text = applyMutations(sample.text, edits);
      const problems = allViolations(sample.file, sample.kind, text);
      assert.deepEqual(problems, [], `${sample.name} after ${JSON.stringify(edits)}:\n${preview(text)}`);
    }),
    settings(runs),
  );
}

const LANGUAGES: readonly Language[] = ['bicep', 'terraform'];

/** A small workspace of both languages whose files call each other: modules, a parameter file, a Terraform module folder. */
const WORKSPACE: Record<string, string> = {
  '/ws/main.bicep': [
    "param location string = resourceGroup().location",
    "param prefix string",
    "module ai './modules/ai.bicep' = {\n  name: 'ai'\n  params: {\n    location: location\n    name: '${prefix}-ai'\n    publicAccess: 'Enabled'\n  }\n}",
    "resource search 'Microsoft.Search/searchServices@2023-11-01' = {\n  name: '${prefix}-search'\n  location: location\n  sku: {\n    name: 'standard'\n  }\n  properties: {\n    replicaCount: 1\n  }\n}",
    '',
  ].join('\n'),
  '/ws/modules/ai.bicep': [
    'param location string',
    'param name string',
    "param publicAccess string = 'Disabled'",
    "resource aoai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: name\n  location: location\n  kind: 'OpenAI'\n  sku: {\n    name: 'S0'\n  }\n  properties: {\n    publicNetworkAccess: publicAccess\n    disableLocalAuth: false\n  }\n}",
    'output id string = aoai.id',
    '',
  ].join('\n'),
  '/ws/main.bicepparam': "using './main.bicep'\nparam prefix = 'chat'\nparam location = 'swedencentral'\n",
  '/ws/main.tf': [
    'variable "prefix" {\n  type    = string\n  default = "chat"\n}',
    'module "ai" {\n  source         = "./mod"\n  name           = "${var.prefix}-ai"\n  public_access  = true\n}',
    'resource "azurerm_search_service" "search" {\n  name            = "${var.prefix}-search"\n  sku             = "standard"\n  replica_count   = 1\n}',
    '',
  ].join('\n'),
  '/ws/terraform.tfvars': 'prefix = "prod"\n',
  '/ws/mod/main.tf': [
    'variable "name" {}',
    'variable "public_access" {\n  default = false\n}',
    'resource "azurerm_cognitive_account" "aoai" {\n  name                          = var.name\n  kind                          = "OpenAI"\n  sku_name                      = "S0"\n  public_network_access_enabled = var.public_access\n  local_auth_enabled            = true\n}',
    '',
  ].join('\n'),
};

/** A text the fuzzers once broke the engine with: it must now keep every invariant, and `expect` says what is right about it. */
interface Regression {
  name: string;
  file: string;
  text: string;
  expect(analysis: FileAnalysis, text: string): void;
}

/** The findings' rule ids on one resource. */
const rulesOn = (analysis: FileAnalysis, resource: string): string[] => analysis.findings.filter((f) => f.resourceName === resource).map((f) => f.ruleId);

const REGRESSIONS: Regression[] = [
  {
    name: 'bicep: a resource whose body is a string is a syntax error, and no rule judges it or inserts a body after the string',
    file: '/ws/main.bicep',
    text: "resource search 'Microsoft.Search/searchServices@2024-06-01-preview' = 'search'\n  name: {\n  properties: {\n    replicaCount: 2\n  }\n}\n",
    expect(analysis) {
      assert.ok(analysis.model.parseErrors.some((e) => /Expected the body to be an object/.test(e.message)));
      assert.deepEqual(rulesOn(analysis, 'search'), []);
    },
  },
  {
    name: "bicep: a nested resource written with ':' instead of '=' has no body, so no rule judges it",
    file: '/ws/main.bicep',
    text: "resource docs 'Microsoft.Storage/storageAccounts@2025-01-01' = {\n  kind: 'StorageV2'\n  resource blobs 'blobServices' : {\n    name: 'default'\n  }\n}\n",
    expect(analysis) {
      assert.ok(analysis.model.resources.find((r) => r.name === 'docs::blobs')?.hasError);
      assert.deepEqual(rulesOn(analysis, 'docs::blobs'), []);
    },
  },
  {
    name: 'terraform: a resource header without its brace has no body, so no rule judges it or inserts one',
    file: '/ws/main.tf',
    text: 'resource "azurerm_machine_learning_compute_instance" "bob" .\n  name                          = "ci-bob"\n  virtual_machine_size          = "Standard_DS3_v2"\n}\n',
    expect(analysis) {
      assert.deepEqual(rulesOn(analysis, 'azurerm_machine_learning_compute_instance.bob'), []);
    },
  },
  {
    name: 'bicep: with the closing brace on the last entry\'s line, an inserted setting goes inside the object',
    file: '/ws/main.bicep',
    text: "resource keys 'Microsoft.Insights/components@2020-02-02' = {\n  name: 'appi-chat-keys'\n  location: 'swedencentral'\n  kind: 'web'}\n",
    expect(analysis, text) {
      const finding = analysis.findings.find((f) => f.ruleId === 'require-app-insights-disable-local-auth');
      assert.ok(finding && finding.fixes.length > 0, 'the rule still offers its fix');
      const fixed = applyTextEdits(text, finding.fixes[0]!.edits);
      assert.deepEqual(parseFile('/ws/main.bicep', fixed)!.parseErrors, []);
      assert.match(fixed, /kind: 'web'\n {2}properties: \{\n {4}DisableLocalAuth: true\n {2}\}\n\}\n$/);
    },
  },
  {
    name: "terraform: a string whose interpolation runs into the block's closing brace is an error, so no rule edits the block",
    file: '/ws/main.tf',
    text: 'resource "azurerm_cognitive_account" "aoai" {\n  kind                  = "OpenAI"\n  custom_subdomain_name = "${l\n}\n',
    expect(analysis) {
      assert.ok(analysis.model.parseErrors.some((e) => /This string is never closed/.test(e.message)));
      assert.deepEqual(rulesOn(analysis, 'azurerm_cognitive_account.aoai'), []);
    },
  },
  {
    name: 'terraform: a block where an attribute belongs gets no fix that would write a value into its braces',
    file: '/ws/main.tf',
    text: 'resource "azurerm_cognitive_account" "foundry" {\n  kind = "AIServices"\n\n  public_network_access_enabled {\n    type = "SystemAssigned"\n  }\n}\n',
    expect(analysis) {
      const findings = analysis.findings.filter((f) => f.ruleId === 'no-public-network-access');
      assert.ok(findings.every((f) => f.fixes.length === 0));
    },
  },
];

/** Known bugs in areas being written now: today's wrong behaviour, pinned so that the fix flips the test (see KNOWN_FIX_BUGS). */
const KNOWN_BUGS: Array<{ name: string; file: string; text: string; ruleId: string }> = [
  {
    // FIXME(editor features, suppressions in progress): after a parse error, `//` inside a string is taken for a suppression comment,
    // and "Remove the unused suppression" deletes the rest of the string's line, so the file gets two more errors. It must not be
    // offered; then the error count must not rise and this test must assert `<=`.
    name: 'bicep: an unused-suppression fix cuts a string in a broken file',
    file: '/ws/main.bicep',
    text: "# waf-ai-lens-ignore require-seresource search 'Microsoft.Search/searchServices@2023-11-01' = {\n  name: 'srch-chat'\n  tags: {\n    note: '// waf-ai-lens-ignore require-search-replicas: inside a string'\n  }\n  properties: {\n    replicaCount: 1\n  }\n}\n",
    ruleId: 'waf-ai-lens-suppression',
  },
  {
    // FIXME(editor features, suppressions in progress): the same in Terraform, with `#` inside a string after a broken line.
    name: 'terraform: an unused-suppression fix cuts a string in a broken file',
    file: '/ws/main.tf',
    text: '\nEOT\nr{esource "azurerm_search_service" "search" {\n  sku = "standard"\n  tags = {\n    note = "# waf-ai-lens-ignore require-search-replicas: inside a string"\n  }\n  replica_count = 1\n}\n',
    ruleId: 'waf-ai-lens-suppression',
  },
  {
    // FIXME(rule families, ml in progress): the fix writes `azurerm_machine_learning_compute_instance.my bob.id`, which does not
    // parse; with a label that is no identifier it must offer no fix (or not reference the resource by address).
    name: 'terraform: the idle-shutdown fix of a resource whose label is no identifier writes a reference that does not parse',
    file: '/ws/main.tf',
    text: 'resource "azurerm_machine_learning_compute_instance" "my bob" {\n  name                 = "ci-bob"\n  virtual_machine_size = "Standard_DS3_v2"\n}\n',
    ruleId: 'require-ml-compute-instance-idle-shutdown',
  },
];

describe('robustness: fuzzing', function () {
  // A long run (WAF_AI_LENS_FUZZ_RUNS) may take minutes; CI-sized runs finish in seconds.
  this.timeout(LONG_RUN ? 0 : 60_000);

  describe('regressions found by fuzzing', () => {
    for (const r of REGRESSIONS) {
      it(r.name, () => {
        assert.deepEqual(allViolations(r.file, r.file.endsWith('.tf') ? 'tf' : 'bicep', r.text), []);
        r.expect(analyzeFile(r.file, r.text)!, r.text);
      });
    }

    for (const bug of KNOWN_BUGS) {
      it(`${bug.name} (FIXME: known bug, pinned)`, () => {
        const analysis = analyzeFile(bug.file, bug.text)!;
        const before = analysis.model.parseErrors.length;
        const fixes = analysis.findings.filter((f) => f.ruleId === bug.ruleId).flatMap((f) => f.fixes);
        assert.ok(fixes.length > 0, 'the fix is offered');
        const worst = Math.max(...fixes.map((fix) => parseFile(bug.file, applyTextEdits(bug.text, fix.edits))!.parseErrors.length));
        assert.ok(worst > before, `today the fix raises the errors from ${before}; it no longer does (${worst}): flip this test and drop the KNOWN_FIX_BUGS entry`);
      });
    }
  });

  for (const language of LANGUAGES) {
    it(`${language}: random edits of the fixtures never break parsing, analysis, spans or fixes (${FUZZ_RUNS} runs)`, () => {
      holdsFor(fixturesOf(language), FUZZ_RUNS);
    });
  }

  it(`both languages: random edits of generated workloads never break parsing, analysis, spans or fixes (${FUZZ_RUNS} runs)`, () => {
    holdsFor(generatedSamples(), FUZZ_RUNS);
  });

  for (const language of LANGUAGES) {
    it(`${language}: arbitrary code points never break parsing or analysis`, () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
          assert.deepEqual(allViolations(fileFor(language), language === 'bicep' ? 'bicep' : 'tf', text), [], preview(text));
        }),
        settings(FUZZ_RUNS),
      );
    });
  }

  it(`workspaces: random edits of any file of a multi-file workspace never break analyzeWorkspace (${Math.ceil(FUZZ_RUNS / 3)} runs)`, () => {
    const names = Object.keys(WORKSPACE);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: names.length - 1 }), mutations), { minLength: 1, maxLength: 2 }), (edits) => {
        const texts = new Map(Object.entries(WORKSPACE));
        for (const [index, list] of edits) texts.set(names[index]!, applyMutations(texts.get(names[index]!)!, list));
        // Given: every file but the Terraform module's, which is read through the callback as a caller would.
        const inputs = [...texts].filter(([file]) => !file.startsWith('/ws/mod/')).map(([file, text]) => ({ file, text }));
        let problems: string[];
        try {
          const analysis = analyzeWorkspace(inputs, {
            root: '/ws',
            readFile: (p) => texts.get(p),
            listFiles: (folder) => [...texts.keys()].filter((p) => p.startsWith(`${folder}/`) && !p.slice(folder.length + 1).includes('/')),
          });
          problems = analysis.files.flatMap((f) => {
            const text = texts.get(f.file);
            if (text === undefined) return [`an analysis of ${f.file}, which is no file of the workspace`];
            const own = analysisViolations(f.file, text, { ...f, findings: f.findings.filter((x) => x.file === f.file) });
            const elsewhere = f.findings.filter((x) => x.file !== f.file).map((x) => `${f.file} holds a finding on ${x.file}`);
            const related = f.findings.flatMap((x) =>
              x.related.filter((r) => texts.has(r.file) && !(r.span.start >= 0 && r.span.start <= r.span.end && r.span.end <= texts.get(r.file)!.length)).map((r) => `related location outside ${r.file}`),
            );
            return [...own, ...elsewhere, ...related];
          });
        } catch (error) {
          problems = [`threw: ${errorText(error)}`];
        }
        assert.deepEqual(problems, [], `after ${JSON.stringify(edits)}`);
      }),
      settings(Math.ceil(FUZZ_RUNS / 3)),
    );
  });

  for (const language of LANGUAGES) {
    it(`${language}: 100 KB, mutated or not, is analysed in well under a second, with sound spans`, () => {
      const base = generatedOfSize(language, 100 * 1024);
      const file = fileFor(language);
      // A bound against hangs and quadratic blow-ups, not a benchmark: 100 KB takes tens of milliseconds.
      const boundMs = 1000;
      const slowest = { ms: 0, what: '' };
      fc.assert(
        fc.property(mutations, (edits) => {
          const text = applyMutations(base, edits);
          const started = performance.now();
          const analysis = analyzeFile(file, text)!;
          const ms = performance.now() - started;
          if (ms > slowest.ms) Object.assign(slowest, { ms, what: JSON.stringify(edits) });
          assert.ok(ms < boundMs, `${(text.length / 1024).toFixed(0)} KB took ${ms.toFixed(0)} ms after ${JSON.stringify(edits)}`);
          assert.deepEqual(analysisViolations(file, text, analysis), []);
        }),
        settings(Math.max(10, Math.round(FUZZ_RUNS / 10))),
      );
    });
  }
});
