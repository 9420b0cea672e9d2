// Tests the bench's own logic: the intact/lost verdict, the edit generators, the measurement loop and the corpus generator.
import * as assert from 'node:assert/strict';
import type { Declaration, Language } from '../../../server/src/engine/model/types';
import { toSource, type Source } from '../../../scripts/bench/files';
import { DEFAULT_CORPUS, generateBicep, generateCorpus, generateTerraform, sizeLadder, SMOKE_CORPUS } from '../../../scripts/bench/generate';
import { Rng } from '../../../scripts/bench/prng';
import {
  applyEdit,
  codeRanges,
  deleteBraceEdit,
  judgeEdit,
  measureRecovery,
  unterminatedStringEdit,
  type DeclarationParse,
  type Edit,
  type LossReason,
} from '../../../scripts/bench/recovery';

// ---------------------------------------------------------------------------------------------------------------------
// The verdict. Declarations are written `kind name start-end`, with `!` after the span for `hasError`.

/** Three declarations of an original file: `param a` at 0-10, `resource b` at 12-20, `output c` at 22-30. */
const ORIGINAL = ['param a 0-10', 'resource b 12-20', 'output c 22-30'];

function decl(text: string): Declaration {
  const match = /^(\S+) (\S*) ?(\d+)-(\d+)(!?)$/.exec(text);
  if (!match) throw new Error(`Bad declaration in test data: ${text}`);
  return { kind: match[1]!, name: match[2]!, span: { start: Number(match[3]), end: Number(match[4]) }, hasError: match[5] === '!' };
}

const deleteAt = (offset: number): Edit => ({ kind: 'deleteBrace', offset, deleteLength: 1, insert: '' });
const quoteAt = (offset: number): Edit => ({ kind: 'unterminatedString', offset, deleteLength: 0, insert: "'" });

interface VerdictCase {
  name: string;
  original?: string[];
  edit: Edit;
  edited: string[];
  /** Names of the declarations after the edit, intact ones marked `+`, lost ones `-reason`. */
  expected: string[];
}

const VERDICTS: VerdictCase[] = [
  {
    name: 'a deletion inside the first declaration: everything after it, shifted by -1, is intact',
    edit: deleteAt(5),
    edited: ['param a 0-9!', 'resource b 11-19', 'output c 21-29'],
    expected: ['b +', 'c +'],
  },
  {
    name: 'an insertion inside the middle declaration: only the last one counts, shifted by +1',
    edit: quoteAt(15),
    edited: ['param a 0-10', 'resource b 12-30!', 'output c 23-31'],
    expected: ['c +'],
  },
  {
    name: 'an edit inside the last declaration leaves nothing to measure',
    edit: deleteAt(25),
    edited: ['param a 0-10', 'resource b 12-20'],
    expected: [],
  },
  {
    name: 'an edit between declarations: every declaration starting after it counts',
    edit: quoteAt(11),
    edited: ['param a 0-10', 'resource b 13-21', 'output c 23-31'],
    expected: ['b +', 'c +'],
  },
  {
    name: 'an edit just past the end of a declaration is not inside it (spans are half-open)',
    edit: quoteAt(10),
    edited: ['param a 0-10', 'resource b 13-21', 'output c 23-31'],
    expected: ['b +', 'c +'],
  },
  {
    name: 'an edit on the first character of a declaration is inside it',
    edit: quoteAt(12),
    edited: ['param a 0-10', 'resource b 12-21!', 'output c 23-31'],
    expected: ['c +'],
  },
  {
    name: 'a declaration swallowed by the broken one is missing',
    edit: deleteAt(5),
    edited: ['param a 0-19!', 'output c 21-29'],
    expected: ['b -missing', 'c +'],
  },
  {
    name: 'a declaration found at the right place but marked with an error is not intact',
    edit: deleteAt(5),
    edited: ['param a 0-9!', 'resource b 11-19!', 'output c 21-29'],
    expected: ['b -hasError', 'c +'],
  },
  {
    name: 'a declaration found elsewhere (its span not shifted by exactly the delta) has moved',
    edit: deleteAt(5),
    edited: ['param a 0-9!', 'resource b 12-20', 'output c 21-28'],
    expected: ['b -moved', 'c -moved'],
  },
  {
    name: 'the same name under another kind does not count',
    edit: deleteAt(5),
    edited: ['param a 0-9!', 'var b 11-19', 'output c 21-29'],
    expected: ['b -missing', 'c +'],
  },
  {
    name: 'unnamed declarations of one kind (HCL `locals`) are told apart by their spans',
    original: ['locals  0-10', 'locals  12-20', 'locals  22-30'],
    edit: deleteAt(5),
    edited: ['locals  0-19!', 'locals  21-29'],
    expected: [' -moved', ' +'],
  },
];

function checkVerdict(c: VerdictCase): void {
  const verdict = judgeEdit((c.original ?? ORIGINAL).map(decl), c.edited.map(decl), c.edit);
  const intact = new Set(verdict.intact);
  const lost = new Map(verdict.lost.map((l) => [l.declaration, l.reason] as [Declaration, LossReason]));
  const actual = verdict.after.map((d) => `${d.name} ${intact.has(d) ? '+' : `-${lost.get(d) ?? '?'}`}`);
  assert.deepEqual(actual, c.expected);
}

describe('bench recovery: the verdict on one edit', () => {
  for (const c of VERDICTS) it(c.name, () => checkVerdict(c));
});

// ---------------------------------------------------------------------------------------------------------------------
// Where code is: for each case, the code part of every line that has code, as text.

interface CodeCase {
  name: string;
  language: Language;
  lines: string[];
  code: string[];
}

const CODE: CodeCase[] = [
  {
    name: 'Bicep: comment lines, pragmas and trailing comments are no code; a URL inside a string is no comment',
    language: 'bicep',
    lines: [
      '// A comment line.',
      "param a string = 'x' // trailing",
      '',
      '#disable-next-line no-unused-vars',
      "var url = 'https://${host}/path'",
      "  var nested = '${toLower('A//B')}' // after",
    ],
    code: ["param a string = 'x'", "var url = 'https://${host}/path'", "var nested = '${toLower('A//B')}'"],
  },
  {
    name: 'Bicep: block comments and multi-line strings are cut out, the code around them stays',
    language: 'bicep',
    lines: ['/*', '  param hidden string', '*/ var afterComment = 1', "var prompt = '''", "  resource notCode 'x' = {", "'''", "var x = 1 /* inline */ + 2", "var y = ''' one line ''' /* open", '*/'],
    code: ['var prompt =', 'var x = 1 /* inline */ + 2', "var y = ''' one line '''"],
  },
  {
    name: 'HCL: # and // comments, heredoc bodies and block comments hold no code',
    language: 'terraform',
    lines: [
      '# comment',
      'locals {',
      '  prompt = <<-EOT',
      '    resource "not" "code" {',
      '  EOT',
      '  url = "https://${var.host}/x" # trailing',
      '  literal = "$${not_interp} %%{x}" // trailing',
      '  /* block',
      '  still comment */',
      '}',
    ],
    code: ['locals {', 'prompt = <<-EOT', 'url = "https://${var.host}/x"', 'literal = "$${not_interp} %%{x}"', '}'],
  },
  {
    name: 'CRLF line ends are not part of a line',
    language: 'terraform',
    lines: ['a = 1\r', 'b = 2\r'],
    code: ['a = 1', 'b = 2'],
  },
];

function checkCode(c: CodeCase): void {
  const text = c.lines.join('\n');
  assert.deepEqual(
    codeRanges(text, c.language).map((r) => text.slice(r.start, r.end)),
    c.code,
  );
}

describe('bench recovery: where a quote may be typed', () => {
  for (const c of CODE) it(c.name, () => checkCode(c));
});

// ---------------------------------------------------------------------------------------------------------------------
// The edit generators, over many seeds.

const BICEP_SAMPLE = [
  '// Header comment with a } brace.',
  "param name string = 'x'",
  "resource a 'T@1' = {",
  "  name: '${name}-a'",
  '  properties: {',
  "    value: '}'",
  '  }',
  '}',
  '',
].join('\n');

const HCL_SAMPLE = ['# comment }', 'resource "t" "a" {', '  name = "${var.x}-a"', '  tags = { a = "}" }', '}', ''].join('\n');

describe('bench recovery: the edit generators', () => {
  it('deleteBrace removes exactly one `}`, reaches every `}` (code, string or comment), and gives up on a text without one', () => {
    for (const text of [BICEP_SAMPLE, HCL_SAMPLE]) {
      const braces = [...text].flatMap((c, i) => (c === '}' ? [i] : []));
      const seen = new Set<number>();
      for (let seed = 0; seed < 300; seed++) {
        const edit = deleteBraceEdit(text, new Rng(seed))!;
        assert.equal(text[edit.offset], '}');
        const edited = applyEdit(text, edit);
        assert.equal(edited.length, text.length - 1);
        assert.equal(edited, text.slice(0, edit.offset) + text.slice(edit.offset + 1));
        seen.add(edit.offset);
      }
      assert.deepEqual([...seen].sort((a, b) => a - b), braces);
    }
    assert.equal(deleteBraceEdit('param a string\n', new Rng(1)), undefined);
  });

  it("unterminatedString inserts the language's quote before a code character, never in a comment or at a line end", () => {
    const samples: [string, Language, string][] = [
      [BICEP_SAMPLE, 'bicep', "'"],
      [HCL_SAMPLE, 'terraform', '"'],
    ];
    for (const [text, language, quote] of samples) {
      const ranges = codeRanges(text, language);
      for (let seed = 0; seed < 300; seed++) {
        const edit = unterminatedStringEdit(text, language, new Rng(seed))!;
        assert.equal(edit.insert, quote);
        assert.equal(edit.deleteLength, 0);
        assert.ok(ranges.some((r) => r.start <= edit.offset && edit.offset < r.end), `offset ${edit.offset} is outside the code`);
        assert.notEqual(text[edit.offset], '\n');
        assert.notEqual(text.slice(edit.offset).split('\n')[0]!.trim(), '', `offset ${edit.offset} is at a line end`);
      }
    }
    assert.equal(unterminatedStringEdit('// only a comment\n\n', 'bicep', new Rng(1)), undefined);
  });

  it('a seed always gives the same edit', () => {
    const a = unterminatedStringEdit(BICEP_SAMPLE, 'bicep', new Rng(42));
    const b = unterminatedStringEdit(BICEP_SAMPLE, 'bicep', new Rng(42));
    assert.deepEqual(a, b);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// The measurement loop, driven by fake parsers whose recovery is known.

/**
 * A toy file: every line at column 0 that starts with a keyword opens a declaration, which runs to the last
 * non-blank character before the next one. A perfect resynchronising parser sees exactly these.
 */
const TOY = ['param a string', "resource b 'T@1' = {", "  name: 'b'", '}', "resource c 'T@1' = {", "  tags: { x: 'y' }", '}', "output d string = 'd'", ''].join('\n');

function headerDeclarations(text: string): Declaration[] {
  const starts = [...text.matchAll(/^(param|resource|output|var) (\w+)/gm)].map((m) => ({ kind: m[1]!, name: m[2]!, start: m.index! }));
  return starts.map((s, i) => {
    const end = text.slice(0, starts[i + 1]?.start ?? text.length).trimEnd().length;
    return { kind: s.kind, name: s.name, span: { start: s.start, end }, hasError: false };
  });
}

/** Recovers perfectly: declarations come from the headers, whatever the braces and quotes do. */
const resynchronising = (_: Source, text: string): DeclarationParse => ({ declarations: headerDeclarations(text), errorCount: 0 });

/** Gives up at the first problem (a line with an odd count of quotes, a declaration with unbalanced braces): nothing from there on survives. */
const givingUp = (_: Source, text: string): DeclarationParse => {
  const all = headerDeclarations(text);
  let problem = Infinity;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if ((line.match(/'/g)?.length ?? 0) % 2 === 1) {
      problem = lineStart;
      break;
    }
    lineStart += line.length + 1;
  }
  const unbalanced = all.find((d) => {
    const body = text.slice(d.span.start, d.span.end);
    return (body.match(/{/g)?.length ?? 0) !== (body.match(/}/g)?.length ?? 0);
  });
  if (unbalanced) problem = Math.min(problem, unbalanced.span.start);
  return { declarations: all.filter((d) => d.span.end <= problem), errorCount: problem === Infinity ? 0 : 1 };
};

describe('bench recovery: the measurement', () => {
  const sources = [toSource('toy.bicep', TOY)!, toSource('one.bicep', 'param only string\n')!, toSource('broken.bicep', "param a string\nparam b string = '\n")!];
  const options = { seed: 7, trials: 25, maxSamples: 3 };

  it('scores a parser that always resynchronises at 100% for both edits', () => {
    const result = measureRecovery(sources, resynchronising, options).bicep;
    assert.equal(result.byEdit.deleteBrace.intactPercent, 100);
    assert.equal(result.byEdit.unterminatedString.intactPercent, 100);
    assert.ok(result.declarationsAfterEdit > 0);
    assert.deepEqual(result.samples, []);
  });

  it('scores a parser that gives up at the first error at 0%, with samples saying what was lost', () => {
    const result = measureRecovery(sources, givingUp, options).bicep;
    assert.equal(result.intact, 0);
    assert.equal(result.intactPercent, 0);
    assert.equal(result.samples.length, 3);
    assert.ok(result.samples.every((s) => s.reason === 'missing' && s.file === 'toy.bicep'));
  });

  it('measures only files with two or more declarations and no parse error, and counts the others', () => {
    const result = measureRecovery(sources, givingUp, options).bicep;
    assert.deepEqual([result.files, result.filesMeasured, result.skippedFewDeclarations, result.skippedWithErrors], [3, 1, 1, 1]);
    assert.equal(result.edits, 2 * options.trials);
    assert.equal(result.byEdit.deleteBrace.edits + result.byEdit.unterminatedString.edits, result.edits);
    assert.equal(measureRecovery(sources, givingUp, options).terraform.intactPercent, null);
  });

  it('is repeatable for a seed, and a file keeps its edits when other files join the corpus', () => {
    const toy = sources[0]!;
    const other = toSource('other.bicep', `var first = 1\n${TOY}`)!;
    const alone = measureRecovery([toy], givingUp, options).bicep;
    assert.deepEqual(measureRecovery([toy], givingUp, options).bicep, alone);
    // Tallies add up file by file only if each file's edits ignore the rest of the corpus.
    const otherAlone = measureRecovery([other], givingUp, options).bicep;
    const together = measureRecovery([other, toy], givingUp, options).bicep;
    for (const kind of ['deleteBrace', 'unterminatedString'] as const) {
      assert.equal(together.byEdit[kind].declarationsAfterEdit, alone.byEdit[kind].declarationsAfterEdit + otherAlone.byEdit[kind].declarationsAfterEdit);
    }
    assert.notDeepEqual(measureRecovery([toy], givingUp, { ...options, seed: 8 }).bicep.byEdit, alone.byEdit);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// The corpus generator.

const lineCount = (text: string) => text.split('\n').length - 1;

describe('bench generator', () => {
  it('gives the same text for the same seed, and another text for another seed', () => {
    assert.equal(generateBicep(11, 800), generateBicep(11, 800));
    assert.equal(generateTerraform(11, 800), generateTerraform(11, 800));
    assert.notEqual(generateBicep(11, 800), generateBicep(12, 800));
    assert.deepEqual(generateCorpus(SMOKE_CORPUS), generateCorpus(SMOKE_CORPUS));
  });

  it('spreads target sizes geometrically from the smallest to the largest', () => {
    const sizes = sizeLadder(DEFAULT_CORPUS.filesPerLanguage, DEFAULT_CORPUS.minLines, DEFAULT_CORPUS.maxLines);
    assert.equal(sizes[0], 30);
    assert.equal(sizes.at(-1), 5000);
    assert.ok(sizes.every((s, i) => i === 0 || s > sizes[i - 1]!), 'sizes must grow');
    // A geometric spread puts as many files in each tenfold range: 30-300 lines and 500-5,000 lines.
    const small = sizes.filter((s) => s < 300).length;
    const large = sizes.filter((s) => s >= 500).length;
    assert.ok(Math.abs(small - large) <= 1, `${small} small files against ${large} large ones`);
  });

  it('lands every file within 20% of its target size', () => {
    const off = generateCorpus(DEFAULT_CORPUS)
      .filter((f) => f.targetLines !== undefined)
      .filter((f) => Math.abs(lineCount(f.text) / f.targetLines! - 1) > 0.2)
      .map((f) => `${f.path}: ${lineCount(f.text)} lines for ${f.targetLines}`);
    assert.deepEqual(off, []);
  });

  it('covers the AI families and the syntax the brief lists, in both languages', () => {
    const corpus = generateCorpus(DEFAULT_CORPUS);
    const all = (suffix: string) => corpus.filter((f) => f.path.endsWith(suffix)).map((f) => f.text).join('\n');
    const expectations: [string, string, string[]][] = [
      ['.bicep', 'Bicep', ['@description(', '@allowed(', '@secure()', 'var ', 'Microsoft.CognitiveServices/accounts@', 'accounts/deployments@', 'parent: ', "resource chat", 'Microsoft.Search/searchServices@', 'Microsoft.Storage/storageAccounts@', 'Microsoft.KeyVault/vaults@', 'Microsoft.DocumentDB/databaseAccounts@', 'Microsoft.Web/sites@', 'Microsoft.Network/privateEndpoints@', 'Microsoft.Insights/diagnosticSettings@', 'Microsoft.Authorization/roleAssignments@', 'Microsoft.MachineLearningServices/workspaces@', '[for ', '= if (', 'module ', 'output ', '${', "'''", '// ', '/*', 'existing = {', 'type ', 'func ', 'm => ']],
      ['.bicepparam', 'bicepparam', ['using ', 'param ']],
      ['.tf', 'Terraform', ['variable "', 'validation {', 'locals {', 'resource "azurerm_cognitive_account"', 'resource "azurerm_cognitive_deployment"', 'dynamic "', 'content {', '<<-EOT', '%{for', '[for ', '{ for ', ' ? ', 'module "', 'output "', 'data "', 'for_each', 'count ', 'lifecycle {', 'moved {', 'azapi_resource', '# ', '// ', '/*', '$${']],
      ['.tfvars', 'tfvars', ['name_prefix', ' = {']],
    ];
    const missing = expectations.flatMap(([suffix, label, needles]) => {
      const text = all(suffix);
      return needles.filter((n) => !text.includes(n)).map((n) => `${label} lacks ${n}`);
    });
    assert.deepEqual(missing, []);
  });
});
