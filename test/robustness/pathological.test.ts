// Pathological input: deep nesting, huge files, binary bytes, BOM, CRLF, tabs, astral characters, endless lines, cut-off constructs.
import * as assert from 'node:assert/strict';
import { analyzeFile, type FileAnalysis, type FileKind } from '../../server/src/engine';
import { MAX_FILE_BYTES } from '../../server/src/cli/readInputs';
import { MAX_ERRORS } from '../../server/src/engine/parse/errorLimit';
import { LineMap } from '../../server/src/engine/text/lines';
import { makeTempDir, removeDir, runCli, writeFiles } from './support/cli';
import { fileFor, fixturesOf, generatedOfSize, type Language } from './support/corpus';
import { allViolations, analysisViolations, applyTextEdits, preview } from './support/invariants';

const N = 10_000;

/** One hostile text, how long its analysis may take at most, and what the parse must say about it. */
interface Case {
  name: string;
  language: Language;
  text: () => string;
  /** A bound against hangs, far above the measured time (see docs/robustness.md). */
  boundMs: number;
  /** An error message the parse must contain, when the input is broken in a way the parser names. */
  error?: RegExp;
}

/** Analyses a text, timing it; fails with the text's start when the analysis throws. */
function timedAnalysis(language: Language, text: string): { analysis: FileAnalysis; ms: number } {
  const started = performance.now();
  const analysis = analyzeFile(fileFor(language), text);
  const ms = performance.now() - started;
  assert.ok(analysis, `no analysis of ${preview(text, 80)}`);
  return { analysis, ms };
}

/** Every check a pathological case gets: bounded time, sound spans, a bounded error list, and the expected error. */
function check(c: Case, options: { fixes: boolean } = { fixes: true }): FileAnalysis {
  const text = c.text();
  const { analysis, ms } = timedAnalysis(c.language, text);
  assert.ok(ms < c.boundMs, `${c.name}: ${(text.length / 1024).toFixed(0)} KB took ${ms.toFixed(0)} ms (bound ${c.boundMs} ms)`);
  const kind: FileKind = c.language === 'bicep' ? 'bicep' : 'tf';
  const problems = options.fixes ? allViolations(fileFor(c.language), kind, text) : analysisViolations(fileFor(c.language), text, analysis);
  assert.deepEqual(problems, [], c.name);
  // One front end keeps lexer and parser errors apart, each bounded, plus one standing for the rest.
  assert.ok(analysis.model.parseErrors.length <= 2 * (MAX_ERRORS + 1), `${c.name}: ${analysis.model.parseErrors.length} errors kept`);
  if (c.error) {
    assert.ok(
      analysis.model.parseErrors.some((e) => c.error!.test(e.message)),
      `${c.name}: no error matching ${c.error} among ${analysis.model.parseErrors.slice(0, 3).map((e) => e.message).join(' | ')}`,
    );
  }
  return analysis;
}

const DEEP = /Nesting too deep/;
const BICEP_RESOURCE = "resource aoai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: 'aoai'\n  properties: ";
const TF_RESOURCE = 'resource "azurerm_cognitive_account" "aoai" {\n  name = "aoai"\n  tags = ';

const DEEP_NESTING: Case[] = [
  { name: 'arrays', language: 'bicep', text: () => `var x = ${'['.repeat(N)}${']'.repeat(N)}\n`, boundMs: 2000, error: DEEP },
  { name: 'unclosed arrays', language: 'bicep', text: () => `var x = ${'['.repeat(N)}\n`, boundMs: 2000, error: DEEP },
  { name: 'objects on one line', language: 'bicep', text: () => `var x = ${'{a: '.repeat(N)}1${'}'.repeat(N)}\n`, boundMs: 2000, error: DEEP },
  { name: 'objects over lines in a resource', language: 'bicep', text: () => `${BICEP_RESOURCE}${'{\na: '.repeat(N)}1${'\n}'.repeat(N)}\n}\n`, boundMs: 2000, error: DEEP },
  { name: 'parentheses', language: 'bicep', text: () => `var x = ${'('.repeat(N)}1${')'.repeat(N)}\n`, boundMs: 2000, error: DEEP },
  { name: 'calls', language: 'bicep', text: () => `var x = ${'f('.repeat(N)}${')'.repeat(N)}\n`, boundMs: 2000, error: DEEP },
  { name: 'interpolations', language: 'bicep', text: () => `var x = '${"${'".repeat(N)}\n`, boundMs: 2000 },
  { name: 'ternaries', language: 'bicep', text: () => `var x = ${'a ? b : '.repeat(N)}c\n`, boundMs: 2000, error: DEEP },
  { name: 'lambdas', language: 'bicep', text: () => `var x = map(a, ${'x => '.repeat(N)}x)\n`, boundMs: 2000, error: DEEP },
  { name: 'for expressions', language: 'bicep', text: () => `var x = ${'[for a in '.repeat(N)}\n`, boundMs: 2000, error: DEEP },
  { name: 'object types', language: 'bicep', text: () => `type t = ${'{a: '.repeat(N)}string${'}'.repeat(N)}\n`, boundMs: 2000, error: DEEP },
  { name: 'nested resources', language: 'bicep', text: () => `${"resource r 'Microsoft.Storage/storageAccounts@2023-05-01' = {\n".repeat(N)}${'}\n'.repeat(N)}`, boundMs: 4000 },
  { name: 'unary operators', language: 'bicep', text: () => `var x = ${'!'.repeat(10 * N)}a\n`, boundMs: 2000 },
  { name: 'binary operators', language: 'bicep', text: () => `var x = ${'a + '.repeat(10 * N)}a\n`, boundMs: 2000 },
  { name: 'member accesses', language: 'bicep', text: () => `var x = a${'.b[0]'.repeat(10 * N)}\n`, boundMs: 2000 },
  { name: 'lists', language: 'terraform', text: () => `x = ${'['.repeat(N)}${']'.repeat(N)}\n`, boundMs: 2000, error: DEEP },
  { name: 'unclosed lists', language: 'terraform', text: () => `x = ${'['.repeat(N)}\n`, boundMs: 2000, error: DEEP },
  { name: 'objects in a resource', language: 'terraform', text: () => `${TF_RESOURCE}${'{a = '.repeat(N)}1${'}'.repeat(N)}\n}\n`, boundMs: 2000, error: DEEP },
  { name: 'blocks in a resource', language: 'terraform', text: () => `resource "azurerm_cognitive_account" "aoai" {\n${'a {\n'.repeat(N)}${'}\n'.repeat(N + 1)}`, boundMs: 2000, error: DEEP },
  { name: 'parentheses', language: 'terraform', text: () => `x = ${'('.repeat(N)}1${')'.repeat(N)}\n`, boundMs: 2000, error: DEEP },
  { name: 'calls', language: 'terraform', text: () => `x = ${'f('.repeat(N)}${')'.repeat(N)}\n`, boundMs: 2000, error: DEEP },
  { name: 'interpolations', language: 'terraform', text: () => `x = ${'"${'.repeat(N)}\n`, boundMs: 2000, error: DEEP },
  { name: 'template directives', language: 'terraform', text: () => `x = "${'%{ if a }'.repeat(N)}"\n`, boundMs: 2000, error: DEEP },
  { name: 'heredoc directives', language: 'terraform', text: () => `x = <<EOT\n${'%{ for a in b }\n'.repeat(N)}EOT\n`, boundMs: 2000, error: DEEP },
  { name: 'conditionals', language: 'terraform', text: () => `x = ${'a ? b : '.repeat(N)}c\n`, boundMs: 2000, error: DEEP },
  { name: 'for expressions', language: 'terraform', text: () => `x = ${'[for a in '.repeat(N)}\n`, boundMs: 2000, error: DEEP },
  { name: 'unary operators', language: 'terraform', text: () => `x = ${'!-'.repeat(10 * N)}a\n`, boundMs: 2000 },
  { name: 'traversals', language: 'terraform', text: () => `x = a${'.b[0]'.repeat(10 * N)}\n`, boundMs: 2000 },
];

const MB = 1024 * 1024;

/** A line of 1 MB: the lexers, the layout recovery and the line maps all scan lines. */
const LONG_LINES: Case[] = [
  { name: 'a 1 MB string', language: 'bicep', text: () => `var x = '${'a'.repeat(MB)}'\n`, boundMs: 5000 },
  { name: 'a 1 MB array', language: 'bicep', text: () => `var x = [${'1, '.repeat(MB / 3)}]\n`, boundMs: 5000 },
  { name: 'a 1 MB resource on one line', language: 'bicep', text: () => `${BICEP_RESOURCE.replace(/\n/g, ' ')}{${'a: 1, '.repeat(MB / 6)}}}\n`, boundMs: 5000 },
  { name: 'a 1 MB line of interpolations', language: 'bicep', text: () => `var x = '${'${a}'.repeat(MB / 4)}'\n`, boundMs: 5000 },
  { name: 'a 1 MB comment', language: 'bicep', text: () => `// ${'x'.repeat(MB)}\nparam p string\n`, boundMs: 5000 },
  { name: 'a 1 MB string', language: 'terraform', text: () => `x = "${'a'.repeat(MB)}"\n`, boundMs: 5000 },
  { name: 'a 1 MB list', language: 'terraform', text: () => `x = [${'1, '.repeat(MB / 3)}]\n`, boundMs: 5000 },
  { name: 'a 1 MB object in a resource', language: 'terraform', text: () => `${TF_RESOURCE}{${'a = 1, '.repeat(MB / 7)}}\n}\n`, boundMs: 5000 },
  { name: 'a 1 MB line of interpolations', language: 'terraform', text: () => `x = "${'${a}'.repeat(MB / 4)}"\n`, boundMs: 5000 },
  { name: 'a 1 MB comment', language: 'terraform', text: () => `# ${'x'.repeat(MB)}\nvariable "v" {}\n`, boundMs: 5000 },
];

/** Constructs cut off by the end of the file, alone and after a whole fixture. */
const UNTERMINATED: Record<Language, string[]> = {
  bicep: [
    "var x = 'abc", "var x = '''abc", "var x = '${", "var x = 'a${b", "var x = '${'${'", '/* abc', 'var x = {', 'var x = [', 'var x = (',
    "resource r 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  properties: {\n", "@description('", 'param p string = ', 'var x = ',
    "resource r 'Microsoft.CognitiveServices/accounts@2024-10-01", "module m './x.bicep' = {\n  params: {\n    a: '", 'var x = $', "var x = '\\",
  ],
  terraform: [
    'x = "abc', 'x = <<EOT\nabc', 'x = <<-EOT\n  abc\n', 'x = "${', 'x = "${a', 'x = "%{ if a }', 'x = "%{ for a in b }', '/* abc', 'x = [', 'x = {',
    'x = (', 'resource "azurerm_cognitive_account" "a" {', 'resource "azurerm_cognitive_account" "a" {\n  network_acls {\n', 'x = <<', 'x = "\\',
    'resource "azurerm_cognitive_account', 'x = ', 'locals {\n  a = "${b', 'x = <<EOT\n${a',
  ],
};

describe('robustness: pathological input', function () {
  this.timeout(120_000);

  describe('nesting 10,000 levels deep', () => {
    for (const c of DEEP_NESTING) it(`${c.language}: ${c.name}`, () => check(c));
  });

  describe('1 MB on one line', () => {
    for (const c of LONG_LINES) it(`${c.language}: ${c.name}`, () => check(c, { fixes: false }));
  });

  describe('constructs cut off at the end of the file', () => {
    for (const language of ['bicep', 'terraform'] as const) {
      const base = fixturesOf(language).find((s) => s.name.endsWith(language === 'bicep' ? 'rules/require-disable-local-auth/bad.bicep' : 'rules/require-disable-local-auth/bad.tf'))!;
      for (const tail of UNTERMINATED[language]) {
        it(`${language}: ${JSON.stringify(tail)}, alone and after a fixture whose findings stay`, () => {
          check({ name: 'alone', language, text: () => tail, boundMs: 1000 });
          const whole = `${base.text}\n${tail}`;
          check({ name: 'after a fixture', language, text: () => whole, boundMs: 1000 });
          // Recovery: the resources before the broken tail are judged exactly as without it.
          const before = analyzeFile(fileFor(language), base.text)!.findings.map((f) => `${f.ruleId} ${f.resourceName} ${f.span.start}`);
          const after = analyzeFile(fileFor(language), whole)!.findings.filter((f) => f.span.start < base.text.length).map((f) => `${f.ruleId} ${f.resourceName} ${f.span.start}`);
          assert.deepEqual(after, before);
          assert.ok(analyzeFile(fileFor(language), whole)!.model.parseErrors.length > 0, 'a cut-off construct is an error');
        });
      }
    }
  });

  describe('huge files', () => {
    for (const language of ['bicep', 'terraform'] as const) {
      it(`${language}: a realistic 10 MB file is analysed in bounded time with sound spans`, () => {
        const text = generatedOfSize(language, 10 * MB);
        const { analysis, ms } = timedAnalysis(language, text);
        // Measured at 1 to 2 s; the bound only catches a hang or a quadratic blow-up.
        assert.ok(ms < 30_000, `10 MB took ${ms.toFixed(0)} ms`);
        assert.ok(analysis.findings.length > 1000, 'the generated workloads trigger rules');
        assert.deepEqual(analysisViolations(fileFor(language), text, analysis), []);
      });
    }

    /**
     * Garbage that makes a front end report an error per line, 2 MB of each: the error list stays bounded.
     * Regression: the Bicep front end kept every error, 5 million of them (450 MB of heap, 4.5 s) for 10 MB of stray quotes.
     */
    const FLOODS: Case[] = [
      { name: 'a stray quote on every line', language: 'bicep', text: () => "'\n".repeat(MB), boundMs: 20_000 },
      { name: 'unclosed nested resources on every line', language: 'bicep', text: () => `${BICEP_RESOURCE}{\n${"resource c 'x' = {\n".repeat(MB / 10)}`, boundMs: 20_000 },
      { name: 'random bytes', language: 'bicep', text: () => randomText(2 * MB, 1), boundMs: 20_000 },
      { name: 'a stray quote on every line', language: 'terraform', text: () => '"\n'.repeat(MB), boundMs: 20_000 },
      { name: 'junk on every line', language: 'terraform', text: () => 'a b c d e f g h i j\n'.repeat(MB / 10), boundMs: 20_000 },
      { name: 'random bytes', language: 'terraform', text: () => randomText(2 * MB, 2), boundMs: 20_000 },
    ];
    for (const c of FLOODS) {
      it(`${c.language}: 2 MB of ${c.name} keeps at most ${MAX_ERRORS} errors per source`, () => {
        const analysis = check(c, { fixes: false });
        if (analysis.model.parseErrors.length > MAX_ERRORS) {
          assert.ok(analysis.model.parseErrors.some((e) => /Too many syntax errors/.test(e.message)), 'the errors not kept are stood for');
        }
      });
    }

    it('bicep: a resource broken after the 1,000th error is still held back from the rules', () => {
      // Regression: the first MAX_ERRORS errors are kept; the one that stands for the rest must still cover this resource.
      const garbage = "'\n".repeat(MAX_ERRORS + 10);
      const text = `${garbage}resource aoai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: 'aoai'\n  properties: {\n    publicNetworkAccess: 'Enabled' 'oops\n  }\n}\n`;
      const analysis = analyzeFile('/workspace/main.bicep', text)!;
      const aoai = analysis.model.resources.find((r) => r.name === 'aoai');
      assert.ok(aoai?.hasError, 'the resource has an error inside and must count as broken');
      assert.deepEqual(analysis.findings, []);
    });

    it('terraform: a resource broken after the 1,000th error is still held back from the rules', () => {
      const garbage = 'a b c\n'.repeat(MAX_ERRORS + 10);
      const text = `${garbage}resource "azurerm_cognitive_account" "aoai" {\n  kind = "OpenAI"\n  public_network_access_enabled = true true\n}\n`;
      const analysis = analyzeFile('/workspace/main.tf', text)!;
      const aoai = analysis.model.resources.find((r) => r.name === 'azurerm_cognitive_account.aoai');
      assert.ok(aoai?.hasError, 'the resource has an error inside and must count as broken');
      assert.deepEqual(analysis.findings, []);
    });

    it('the CLI skips a file over 5 MB with a notice on stderr, and reviews the others', async () => {
      const dir = makeTempDir('huge');
      try {
        writeFiles(dir, { 'huge.tf': generatedOfSize('terraform', MAX_FILE_BYTES + 1024), 'small.tf': fixturesOf('terraform')[0]!.text });
        const run = await runCli(['review', '.', '--format', 'json'], dir);
        assert.match(run.stderr, /huge\.tf: The file is larger than 5 MB \(\d+ bytes\); skipped\./);
        const report = JSON.parse(run.stdout) as { files: Array<{ path: string }>; notices: Array<{ reason: string | null; file: string }> };
        assert.deepEqual(report.files.map((f) => f.path), ['small.tf']);
        assert.ok(report.notices.some((n) => n.reason === 'too-large' && n.file === 'huge.tf'));
      } finally {
        removeDir(dir);
      }
    });
  });

  describe('many resources in one file', () => {
    /** `count` minimal AI accounts: every one triggers about seven rules, so findings grow with the file. */
    const accounts = (language: Language, count: number): string =>
      Array.from({ length: count }, (_, i) =>
        language === 'bicep'
          ? `resource a${i} 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: 'a${i}'\n  kind: 'OpenAI'\n}\n`
          : `resource "azurerm_cognitive_account" "a${i}" {\n  kind = "OpenAI"\n}\n`,
      ).join('');

    for (const language of ['bicep', 'terraform'] as const) {
      // Regression: analysis was quadratic in a file's findings (Workspace.analyses() copied a file's list once per finding, and
      // prefer-customer-managed-key scanned every resource for every account): 4,000 accounts took 13 s. Both are linear now.
      it(`${language}: 4,000 AI accounts (about 260 KB, 28,000 findings) are analysed in under 2 s`, () => {
        check({ name: '4,000 accounts', language, text: () => accounts(language, 4000), boundMs: 2000 }, { fixes: false });
      });
    }
  });

  describe('binary files and odd encodings', () => {
    it('random bytes, decoded either way, never break parsing or analysis', () => {
      for (let seed = 0; seed < 8; seed++) {
        const bytes = Buffer.from(randomText(20_000, seed), 'latin1');
        for (const language of ['bicep', 'terraform'] as const) {
          for (const text of [bytes.toString('latin1'), bytes.toString('utf8')]) check({ name: `seed ${seed}`, language, text: () => text, boundMs: 2000 });
        }
      }
    });

    it('the CLI skips a binary file named .tf with a notice, and reviews the others', async () => {
      const dir = makeTempDir('binary');
      try {
        writeFiles(dir, { 'state.tf': Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0xff, 0x00, 0x42]), 'main.tf': fixturesOf('terraform')[0]!.text });
        const run = await runCli(['review', '.'], dir);
        assert.match(run.stderr, /state\.tf: The file looks binary/);
        assert.match(run.stdout, /in 1 file/);
      } finally {
        removeDir(dir);
      }
    });

    for (const language of ['bicep', 'terraform'] as const) {
      it(`${language}: a byte-order mark changes nothing but the offsets, by one, and not the columns`, () => {
        for (const sample of fixturesOf(language).filter((s) => !s.text.startsWith('\uFEFF'))) {
          const plain = analyzeFile(sample.file, sample.text)!;
          const marked = analyzeFile(sample.file, `\uFEFF${sample.text}`)!;
          assert.equal(marked.model.parseErrors.length, plain.model.parseErrors.length, sample.name);
          assert.deepEqual(
            marked.findings.map((f) => `${f.ruleId} ${f.resourceName} ${f.span.start - 1}-${f.span.end - 1}`),
            plain.findings.map((f) => `${f.ruleId} ${f.resourceName} ${f.span.start}-${f.span.end}`),
            sample.name,
          );
          const [lines, markedLines] = [new LineMap(sample.text), new LineMap(`\uFEFF${sample.text}`)];
          for (const f of plain.findings) assert.deepEqual(markedLines.lineColumn(f.span.start + 1), lines.lineColumn(f.span.start), sample.name);
        }
      });

      it(`${language}: CRLF line ends give the same findings, and fixes that write CRLF only`, () => {
        for (const sample of fixturesOf(language).filter((s) => !s.text.includes('\r'))) {
          const crlf = sample.text.replace(/\n/g, '\r\n');
          const plain = analyzeFile(sample.file, sample.text)!;
          const windows = analyzeFile(sample.file, crlf)!;
          assert.deepEqual(windows.findings.map((f) => `${f.ruleId} ${f.resourceName}`), plain.findings.map((f) => `${f.ruleId} ${f.resourceName}`), sample.name);
          for (const finding of windows.findings) {
            for (const fix of finding.fixes) {
              const fixed = applyTextEdits(crlf, fix.edits);
              assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /[\r\n]/, `${sample.name}: "${fix.title}" writes a bare line break into a CRLF file`);
            }
          }
        }
      });

      it(`${language}: tab indentation gives the same findings, and fixes indent with tabs`, () => {
        for (const sample of fixturesOf(language).filter((s) => /^ {2}\S/m.test(s.text) && !s.text.includes('\t'))) {
          const tabbed = sample.text.replace(/^(?: {2})+/gm, (spaces) => '\t'.repeat(spaces.length / 2));
          const plain = analyzeFile(sample.file, sample.text)!;
          const tabs = analyzeFile(sample.file, tabbed)!;
          assert.deepEqual(tabs.findings.map((f) => `${f.ruleId} ${f.resourceName}`), plain.findings.map((f) => `${f.ruleId} ${f.resourceName}`), sample.name);
          for (const finding of tabs.findings) {
            for (const fix of finding.fixes) {
              for (const edit of fix.edits) assert.doesNotMatch(edit.text, /\n {2}/, `${sample.name}: "${fix.title}" indents with spaces in a file indented with tabs`);
            }
          }
        }
      });
    }

    it('astral characters in strings, names and comments keep spans whole and names intact', () => {
      const cases: Array<{ language: Language; text: string; resource?: string }> = [
        { language: 'terraform', text: 'resource "azurerm_cognitive_account" "😀𝔘" {\n  name = "𝔘𝔫𝔦😀"\n  kind = "OpenAI"\n  # 𝔠𝔬𝔪𝔪𝔢𝔫𝔱 😀\n}\n', resource: 'azurerm_cognitive_account.😀𝔘' },
        { language: 'bicep', text: "resource aoai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: '𝔘𝔫𝔦😀'\n  kind: 'OpenAI'\n  // 😀\n  properties: {}\n}\n", resource: 'aoai' },
        { language: 'bicep', text: "resource a😀b 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: 'x'\n}\nvar 𝔘 = '😀'\n" },
        { language: 'terraform', text: '😀 "a" {\n}\nx = 😀\n"😀" = 1\n' },
      ];
      for (const c of cases) {
        check({ name: c.text, language: c.language, text: () => c.text, boundMs: 1000 });
        if (c.resource) {
          const analysis = analyzeFile(fileFor(c.language), c.text)!;
          assert.ok(analysis.findings.length > 0, 'the resource is judged');
          assert.ok(analysis.findings.every((f) => f.resourceName === c.resource), analysis.findings.map((f) => f.resourceName).join(', '));
        }
      }
    });
  });
});

/** `length` code units of seeded pseudo-random bytes, NULs and all, as latin1 text. */
function randomText(length: number, seed: number): string {
  let state = seed >>> 0;
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes.toString('latin1');
}
