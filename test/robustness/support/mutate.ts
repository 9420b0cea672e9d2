// Random edits of a text as fast-check arbitraries: truncations, insertions, deletions, token swaps and copied regions.
import fc from 'fast-check';

/**
 * One edit. Offsets are drawn as plain numbers and taken modulo the text's length when applied, so an edit fits any
 * text and fast-check can shrink a failing case towards small offsets and short edit lists.
 */
export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'swapTokens'; a: number; b: number }
  | { kind: 'copy'; from: number; length: number; to: number };

/**
 * Text worth inserting: every opener and closer of both languages, string, interpolation, heredoc and comment
 * delimiters, declaration keywords that trigger recovery, and the characters that trip offset arithmetic
 * (CR, BOM, NUL, tabs, astral and combining characters, a lone surrogate).
 */
export const SNIPPETS: readonly string[] = [
  '{', '}', '[', ']', '(', ')', "'", '"', "'''", '${', '%{', '~}', '}}', '<<EOT\n', '<<-EOT\n', '\nEOT\n', '\n', '\r\n', '\r',
  '\t', '=', ':', ',', '.', '?.', '.?', '::', '!', '?', '??', '=>', '...', '*', '[*]', '@', '#', '//', '/*', '*/', '\\', '\\u{1F600}',
  '\\u12', '$', '%', 'for ', ' in ', ' if ', 'if (', 'existing', 'null', 'true', '0x', '1e999', '-', 'endif', '%{ else }', '%{ endfor }',
  '\n}\n', '\n{\n', "resource r 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n", 'resource "azurerm_cognitive_account" "x" {\n',
  'module m \'../../../etc/x.bicep\' = {\n', 'module "m" {\n  source = "../../.."\n', 'param p string\n', 'variable "v" {\n', 'locals {\n',
  '@description(\'d\')\n', 'dynamic "x" {\n  content {\n', 'properties: {\n', 'publicNetworkAccess: \'Enabled\'\n', 'local_auth_enabled = true\n',
  '\uFEFF', '\u0000', '\u001b[31m', '\u00a0', '\u2028', '\u202e', '😀', '\ud83d', '\ude00', 'e\u0301', '𝔘𝔫𝔦', '\u{10FFFF}',
];

/**
 * Suppression comments, real and in strings, with and without a reason, naming rules the fixtures trigger: for the
 * property that edits code around suppressions (the general snippets above reach them too rarely).
 */
export const SUPPRESSION_SNIPPETS: readonly string[] = [
  ...SNIPPETS,
  '// waf-ai-lens-ignore require-search-replicas: one replica is enough here\n',
  '# waf-ai-lens-ignore require-disable-local-auth: keys are rotated\n',
  ' // waf-ai-lens-ignore no-public-network-access: TODO explain why',
  ' # waf-ai-lens-ignore require-search-replicas',
  '// waf-ai-lens-ignore no-such-rule: x',
  "'// waf-ai-lens-ignore require-search-replicas: in a string'",
  '"# waf-ai-lens-ignore require-search-replicas: in a string"',
  '"${"}"} // waf-ai-lens-ignore require-disable-local-auth: x"',
  "'''\n// waf-ai-lens-ignore require-search-replicas: in a multi-line string\n'''",
  '<<EOT\n# waf-ai-lens-ignore require-search-replicas: in a heredoc\nEOT\n',
  '/* // waf-ai-lens-ignore require-search-replicas: in a block comment */',
];

/** Text to insert: mostly a snippet, sometimes arbitrary code points (astral and control ones included). */
function insertedText(snippets: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...snippets) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }) },
  );
}

const offset = fc.nat({ max: 1_000_000 });

/** One random edit whose insertions draw on `snippets`. */
function mutationOf(snippets: readonly string[]): fc.Arbitrary<Mutation> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: offset }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: offset, text: insertedText(snippets) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: offset, length: fc.integer({ min: 1, max: 60 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('swapTokens' as const), a: offset, b: offset }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('copy' as const), from: offset, length: fc.integer({ min: 1, max: 200 }), to: offset }) },
  );
}

/** One to five random edits, applied in order, whose insertions draw on `snippets`. */
export function mutationsOf(snippets: readonly string[]): fc.Arbitrary<Mutation[]> {
  return fc.array(mutationOf(snippets), { minLength: 1, maxLength: 5 });
}

/** One random edit. */
export const mutation: fc.Arbitrary<Mutation> = mutationOf(SNIPPETS);

/** One to five random edits, applied in order. */
export const mutations: fc.Arbitrary<Mutation[]> = mutationsOf(SNIPPETS);

/** Rough tokens: names, numbers, quoted strings on one line, or any other single character; white space is not a token. */
const TOKEN = /[A-Za-z_][A-Za-z0-9_-]*|\d+(?:\.\d+)?|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\S/gu;

/** Applies one edit. */
export function applyMutation(text: string, m: Mutation): string {
  const at = (n: number): number => n % (text.length + 1);
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, at(m.at));
    case 'insert': {
      const i = at(m.at);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'delete': {
      const i = at(m.at);
      return text.slice(0, i) + text.slice(i + m.length);
    }
    case 'swapTokens': {
      const tokens = [...text.matchAll(TOKEN)];
      if (tokens.length < 2) return text;
      let x = tokens[m.a % tokens.length]!;
      let y = tokens[m.b % tokens.length]!;
      if (x.index === y.index) return text;
      if (x.index! > y.index!) [x, y] = [y, x];
      const xs = x.index!;
      const ys = y.index!;
      return text.slice(0, xs) + y[0] + text.slice(xs + x[0].length, ys) + x[0] + text.slice(ys + y[0].length);
    }
    case 'copy': {
      const from = at(m.from);
      const piece = text.slice(from, from + m.length);
      const to = at(m.to);
      return text.slice(0, to) + piece + text.slice(to);
    }
  }
}

/** Applies edits in order. */
export function applyMutations(text: string, list: readonly Mutation[]): string {
  return list.reduce(applyMutation, text);
}
