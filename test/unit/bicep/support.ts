// Shared helpers of the Bicep front-end tests: fixtures, positions, a compact expression rendering and the span invariants.
import type { BicepFile, Expression, TypeExpression } from '../../../server/src/engine/parse/bicep/ast';
import type { ParseResult } from '../../../server/src/engine/types';
import { fixtureFolder, position, seededRandom } from '../../support/parseTests';

const fixtures = fixtureFolder('bicep', /\.bicep(param)?$/);

/** The text of a fixture under `test/fixtures/bicep/`. */
export const readFixture = fixtures.readFixture;
/** The fixture files of one folder under `test/fixtures/bicep/` (paths relative to it), sorted. */
export const fixturesIn = fixtures.fixturesIn;
/** Compares `actual` with a baseline file under `test/fixtures/bicep/`; `UPDATE_BASELINES=1` rewrites it first. */
export const baseline = fixtures.baseline;
export { position, seededRandom };

interface Spanned {
  start: number;
  end: number;
}

function isSpanned(value: unknown): value is Spanned & Record<string, unknown> {
  return typeof value === 'object' && value !== null && typeof (value as Spanned).start === 'number' && typeof (value as Spanned).end === 'number';
}

/**
 * Every broken span invariant of a parse, as readable strings (empty when all hold): each node lies inside the
 * text and inside its parent, siblings do not overlap and come in text order, errors lie inside the text.
 * Walks any object with numeric `start`/`end` (string segments included), so new node kinds are covered unasked.
 */
export function spanViolations(text: string, parsed: ParseResult<BicepFile>): string[] {
  const problems: string[] = [];
  const visit = (node: Spanned & Record<string, unknown>, path: string): void => {
    if (!(node.start >= 0 && node.start <= node.end && node.end <= text.length)) problems.push(`${path} has span [${node.start}, ${node.end}) outside the text`);
    const children: { node: Spanned & Record<string, unknown>; path: string }[] = [];
    for (const [key, value] of Object.entries(node)) {
      if (Array.isArray(value)) value.forEach((item, i) => isSpanned(item) && children.push({ node: item, path: `${path}.${key}[${i}]` }));
      else if (isSpanned(value)) children.push({ node: value, path: `${path}.${key}` });
    }
    children.sort((a, b) => a.node.start - b.node.start || a.node.end - b.node.end);
    let previous: { node: Spanned; path: string } | undefined;
    for (const child of children) {
      if (child.node.start < node.start || child.node.end > node.end) problems.push(`${child.path} [${child.node.start}, ${child.node.end}) lies outside its parent [${node.start}, ${node.end})`);
      if (previous !== undefined && child.node.start < previous.node.end) problems.push(`${child.path} overlaps ${previous.path}`);
      previous = child;
      visit(child.node, child.path);
    }
  };
  visit(parsed.tree as unknown as Spanned & Record<string, unknown>, 'file');
  for (const e of parsed.errors) {
    if (!(e.span.start >= 0 && e.span.start <= e.span.end && e.span.end <= text.length)) problems.push(`error "${e.message}" has span [${e.span.start}, ${e.span.end}) outside the text`);
  }
  return problems;
}

/** An expression or type as a compact S-expression, names and literals shown as written. */
export function render(text: string, e: Expression | TypeExpression | undefined): string {
  if (e === undefined) return '_';
  const src = (n: Spanned): string => text.slice(n.start, n.end);
  switch (e.kind) {
    case 'identifier':
    case 'integer':
    case 'boolean':
    case 'null':
      return src(e);
    case 'string':
      return e.holes.length === 0 ? src(e) : `(str ${e.segments.map((s) => JSON.stringify(text.slice(s.start, s.end))).join(' ')} | ${e.holes.map((h) => render(text, h)).join(' ')})`;
    case 'missing':
      return '<missing>';
    case 'skipped':
      return `<skipped ${JSON.stringify(src(e))}>`;
    case 'object':
      return `{${e.items.map((item) => (item.kind === 'property' ? `${src(item.key)}: ${render(text, item.value)}` : item.kind === 'spread' ? `...${render(text, item.expression)}` : `resource ${src(item.name)}`)).join(', ')}}`;
    case 'array':
      return `[${e.items.map((item) => (item.kind === 'spread' ? `...${render(text, item.expression)}` : render(text, item))).join(', ')}]`;
    case 'for':
      return `(for ${e.item ? src(e.item) : '_'}${e.index ? ` ${src(e.index)}` : ''} in ${render(text, e.iterable)}: ${render(text, e.body)})`;
    case 'if':
      return `(if ${render(text, e.condition)} ${render(text, e.body)})`;
    case 'call':
      return `(call ${render(text, e.callee)}${e.args.map((a) => ` ${render(text, a)}`).join('')})`;
    case 'member':
      return `(${e.safe ? '.?' : '.'} ${render(text, e.object)} ${e.name.kind === 'missing' ? '<missing>' : src(e.name)})`;
    case 'index':
      return `(${e.safe ? '[?]' : '[]'} ${render(text, e.object)} ${render(text, e.index)})`;
    case 'resourceAccess':
      return `(:: ${render(text, e.object)} ${e.name.kind === 'missing' ? '<missing>' : src(e.name)})`;
    case 'nonNull':
      return `(! ${render(text, e.expression)})`;
    case 'unary':
      return `(${e.operator} ${render(text, e.operand)})`;
    case 'binary':
      return `(${e.operator} ${render(text, e.left)} ${render(text, e.right)})`;
    case 'ternary':
      return `(? ${render(text, e.condition)} ${render(text, e.whenTrue)} ${render(text, e.whenFalse)})`;
    case 'paren':
      return `(paren ${render(text, e.expression)})`;
    case 'lambda':
      return `(=> (${e.params.map(src).join(' ')}) ${render(text, e.body)})`;
    case 'typeMember':
      return `(. ${render(text, e.object)} ${e.name === undefined ? '*' : e.name.kind === 'missing' ? '<missing>' : src(e.name)})`;
    case 'typeIndex':
      return `([] ${render(text, e.object)} ${e.index === undefined ? '*' : src(e.index)})`;
    case 'parameterizedType':
      return `(${src(e.name)}<> ${e.args.map((a) => render(text, a)).join(' ')})`;
    case 'resourceType':
      return `(resource ${render(text, e.typeString)})`;
    case 'arrayType':
      return `(array ${render(text, e.element)})`;
    case 'nullableType':
      return `(nullable ${render(text, e.type)})`;
    case 'unionType':
      return `(union ${e.members.map((m) => render(text, m)).join(' ')})`;
    case 'parenType':
      return `(paren ${render(text, e.type)})`;
    case 'objectType':
      return `{${e.properties.map((p) => `${p.decorators.map((d) => `${src(d)} `).join('')}${src(p.key)}${p.optional ? '?' : ''}: ${render(text, p.type)}`).join(', ')}}`;
    case 'tupleType':
      return `[${e.items.map((item) => `${item.decorators.map((d) => `${src(d)} `).join('')}${render(text, item.type)}`).join(', ')}]`;
  }
}
