// Seeded fuzzing of both front ends and the analysis: random edits of every fixture and of generated files keep every invariant.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeFile, analyzeWorkspace, parseFile, type FileAnalysis } from '../../server/src/engine';
import { FUZZ_RUNS, FUZZ_SEED, LONG_RUN } from './support/budget';
import { fileFor, fixtureSamples, fixturesOf, generatedOfSize, generatedSamples, type Language, type Sample } from './support/corpus';
import { allViolations, analysisViolations, applyTextEdits, errorText, preview } from './support/invariants';
import { applyMutations, mutations, mutationsOf, SUPPRESSION_SNIPPETS } from './support/mutate';

/** fast-check's settings for every property here: seeded, bounded, and quiet unless a property fails. */
function settings(runs: number): fc.Parameters<unknown> {
  return { seed: FUZZ_SEED, numRuns: runs };
}

/**
 * The property every fuzzer checks: the mutated text parses and analyses without throwing, keeps every span sound,
 * and every fix it offers leaves the file parsing no worse. The failure message carries the text, for a regression test.
 */
function holdsFor(samples: readonly Sample[], runs: number, edited = mutations): void {
  fc.assert(
    fc.property(fc.nat({ max: samples.length - 1 }), edited, (index, edits) => {
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
  {
    // The `#` line is a pragma in Bicep, so the resource below it does not parse; the parser's recovery used to let the
    // `//` inside the string pass for a comment, and "Remove the unused suppression" cut the string.
    name: "bicep: in a file that does not parse, a '//' inside a string is no suppression comment",
    file: '/ws/main.bicep',
    text: "# waf-ai-lens-ignore require-seresource search 'Microsoft.Search/searchServices@2023-11-01' = {\n  name: 'srch-chat'\n  tags: {\n    note: '// waf-ai-lens-ignore require-search-replicas: inside a string'\n  }\n  properties: {\n    replicaCount: 1\n  }\n}\n",
    expect(analysis) {
      assert.ok(analysis.model.parseErrors.length > 0, 'the file does not parse');
      assert.deepEqual(suppressionFindings(analysis), []);
    },
  },
  {
    name: "terraform: in a file that does not parse, a '#' inside a string is no suppression comment",
    file: '/ws/main.tf',
    text: '\nEOT\nr{esource "azurerm_search_service" "search" {\n  sku = "standard"\n  tags = {\n    note = "# waf-ai-lens-ignore require-search-replicas: inside a string"\n  }\n  replica_count = 1\n}\n',
    expect(analysis) {
      assert.ok(analysis.model.parseErrors.length > 0, 'the file does not parse');
      assert.deepEqual(suppressionFindings(analysis), []);
    },
  },
  {
    // Outputs are not in the model, so only a scan that knows strings can tell the keyword in this one from the comment after it.
    name: "bicep: the keyword inside an output's string is no comment, and the unused suppression after it is removed without the string",
    file: '/ws/main.bicep',
    text: "output note string = 'a // waf-ai-lens-ignore require-search-replicas: inside a string' // waf-ai-lens-ignore require-search-replicas: nothing here\n",
    expect(analysis, text) {
      const fixed = onlyRemovalFix(analysis, text);
      assert.equal(fixed, text.replace(' // waf-ai-lens-ignore require-search-replicas: nothing here', ''));
    },
  },
  {
    name: "terraform: the keyword inside an output's string is no comment, and the unused suppression after it is removed without the string",
    file: '/ws/main.tf',
    text: 'output "note" {\n  value = "a ${"}"} # waf-ai-lens-ignore require-search-replicas: inside a string" # waf-ai-lens-ignore require-search-replicas: nothing here\n}\n',
    expect(analysis, text) {
      const fixed = onlyRemovalFix(analysis, text);
      assert.equal(fixed, text.replace(' # waf-ai-lens-ignore require-search-replicas: nothing here', ''));
    },
  },
  {
    // Terraform reads `//` in an interpolation as a comment; the parser, unable to close the interpolation, resumes the
    // string right after `a`, so the "comment" is string text to it, and removing it would cut that string.
    name: 'terraform: in a file that does not parse, a comment the parser reads as string text after an unclosed interpolation is no suppression',
    file: '/ws/main.tf',
    text: 'output "url" {\n  value = "https://${a// waf-ai-lens-ignore require-search-replicas: read as a string\nzurerm_linux_web_app.api.default_hostname}"\n}\n',
    expect(analysis) {
      assert.ok(analysis.model.parseErrors.some((e) => /interpolation is never closed/.test(e.message)));
      assert.deepEqual(suppressionFindings(analysis), []);
    },
  },
  {
    // Terraform rejects a resource name that is no identifier ("Invalid resource name"), and `<type>.my bob.id` does not
    // parse: there is no reference the fix could write, so the finding stands without one.
    name: 'terraform: the idle-shutdown finding of an instance whose label is no identifier offers no fix',
    file: '/ws/main.tf',
    text: 'resource "azurerm_machine_learning_compute_instance" "my bob" {\n  name                 = "ci-bob"\n  virtual_machine_size = "Standard_DS3_v2"\n}\n',
    expect(analysis) {
      const findings = analysis.findings.filter((f) => f.ruleId === 'require-ml-compute-instance-idle-shutdown');
      assert.equal(findings.length, 1, 'the instance is still reported');
      assert.deepEqual(findings[0]!.fixes, []);
    },
  },
];

/** The findings about suppression comments, as `offset: message`. */
function suppressionFindings(analysis: FileAnalysis): string[] {
  return analysis.findings.filter((f) => f.ruleId === 'waf-ai-lens-suppression').map((f) => `${f.span.start}: ${f.message}`);
}

/** Applies the one "Remove the unused suppression" fix of a file, and checks the result parses no worse. */
function onlyRemovalFix(analysis: FileAnalysis, text: string): string {
  const fixes = analysis.findings.filter((f) => f.ruleId === 'waf-ai-lens-suppression').flatMap((f) => f.fixes);
  assert.deepEqual(fixes.map((f) => f.title), ['Remove the unused suppression']);
  const fixed = applyTextEdits(text, fixes[0]!.edits);
  assert.ok(parseFile(analysis.file, fixed)!.parseErrors.length <= analysis.model.parseErrors.length, 'the fix makes the file parse no worse');
  return fixed;
}

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

  });

  for (const language of LANGUAGES) {
    it(`${language}: random edits of the fixtures never break parsing, analysis, spans or fixes (${FUZZ_RUNS} runs)`, () => {
      holdsFor(fixturesOf(language), FUZZ_RUNS);
    });
  }

  it(`both languages: random edits of generated workloads never break parsing, analysis, spans or fixes (${FUZZ_RUNS} runs)`, () => {
    holdsFor(generatedSamples(), FUZZ_RUNS);
  });

  it(`both languages: suppression comments written into code, strings and broken lines are told from strings, and removing one never breaks the file (${FUZZ_RUNS} runs)`, () => {
    const samples = [...fixtureSamples().filter((s) => s.name.startsWith('test/fixtures/suppress/')), ...generatedSamples()];
    holdsFor(samples, FUZZ_RUNS, mutationsOf(SUPPRESSION_SNIPPETS));
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
