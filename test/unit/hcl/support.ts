// Shared helpers of the HCL front-end tests: fixtures, positions, a readable tree rendering and the span invariants.
import type { Block, BodyItem, Expr, HclFile, TemplatePart } from '../../../server/src/engine/parse/hcl/ast';
import type { Entry, FileModel, Value } from '../../../server/src/engine/model/types';
import type { ParseResult } from '../../../server/src/engine/types';
import { fixtureFolder, position, seededRandom } from '../../support/parseTests';

const fixtures = fixtureFolder('hcl', /\.(tf|tfvars)$/);

/** The text of a fixture under `test/fixtures/hcl/`. */
export const readFixture = fixtures.readFixture;
/** The fixture files of one folder under `test/fixtures/hcl/` (paths relative to it), sorted. */
export const fixturesIn = fixtures.fixturesIn;
/** Compares `actual` with a baseline file under `test/fixtures/hcl/`; `UPDATE_BASELINES=1` rewrites it first. */
export const baseline = fixtures.baseline;
export { position, seededRandom };

// ---------------------------------------------------------------------------------------------------------------
// A compact, reviewable rendering of the syntax tree for golden baselines.

/** Renders a parsed file as an indented outline: one line per attribute or block, expressions as S-expressions. */
export function renderTree(file: HclFile, text: string): string {
  const lines: string[] = [];
  const items = (list: BodyItem[], indent: string): void => {
    for (const item of list) {
      if (item.kind === 'Attribute') {
        lines.push(`${indent}${item.name} = ${renderExpr(item.expr)}`);
      } else {
        lines.push(`${indent}${renderHeader(item)}${item.body ? '' : ' <no body>'}${item.close < 0 && item.body ? ' <unclosed>' : ''}  @${position(text, item.start)}`);
        if (item.body) items(item.body.items, indent + '  ');
      }
    }
  };
  items(file.body.items, '');
  return lines.join('\n') + '\n';
}

function renderHeader(block: Block): string {
  return [block.type, ...block.labels.map((l) => (l.quoted ? JSON.stringify(l.value) : l.value))].join(' ');
}

/** An expression as an S-expression. */
export function renderExpr(e: Expr): string {
  switch (e.kind) {
    case 'Number':
      return String(e.value);
    case 'Bool':
      return String(e.value);
    case 'Null':
      return 'null';
    case 'Variable':
      return e.name;
    case 'GetAttr':
      return `(. ${renderExpr(e.target)} ${e.name || '<missing>'})`;
    case 'Index':
      return `(${e.legacy ? 'legacy-index' : 'index'} ${renderExpr(e.target)} ${renderExpr(e.key)})`;
    case 'Splat':
      return `(${e.full ? '[*]' : '.*'} ${renderExpr(e.target)})`;
    case 'Call':
      return `(call ${e.name}${e.args.map((a) => ' ' + renderExpr(a)).join('')}${e.expandFinal ? ' ...' : ''})`;
    case 'Tuple':
      return `[${e.items.map(renderExpr).join(' ')}]`;
    case 'Object':
      return `{${e.items.map((i) => `${renderExpr(i.key)} ${i.separator} ${renderExpr(i.value)}`).join(', ')}}`;
    case 'For': {
      const vars = [e.keyVar?.name, e.valueVar?.name].filter((n) => n !== undefined).join(' ');
      const body = e.keyExpr ? `${renderExpr(e.keyExpr)} => ${renderExpr(e.value)}${e.group ? '...' : ''}` : renderExpr(e.value);
      return `(for${e.object ? '-object' : ''} ${vars} in ${renderExpr(e.collection)} : ${body}${e.condition ? ' if ' + renderExpr(e.condition) : ''})`;
    }
    case 'Conditional':
      return `(? ${renderExpr(e.condition)} ${renderExpr(e.then)} ${renderExpr(e.else)})`;
    case 'Binary':
      return `(${e.op} ${renderExpr(e.left)} ${renderExpr(e.right)})`;
    case 'Unary':
      return `(${e.op} ${renderExpr(e.operand)})`;
    case 'Paren':
      return `(paren ${renderExpr(e.expr)})`;
    case 'Template': {
      const head = e.heredoc ? `heredoc${e.heredoc.flush ? '-' : ''} ${e.heredoc.marker}` : 'tpl';
      return `(${head}${renderParts(e.parts)}${e.unterminated ? ' <unterminated>' : ''})`;
    }
    case 'Invalid':
      return '<invalid>';
  }
}

function renderParts(parts: TemplatePart[]): string {
  return parts
    .map((p) => {
      switch (p.kind) {
        case 'TemplateLiteral':
          return ' ' + JSON.stringify(p.value);
        case 'TemplateInterp':
          return ` (\${${p.stripLeft ? '~' : ''} ${renderExpr(p.expr)}${p.stripRight ? ' ~' : ''})`;
        case 'TemplateIf':
          return ` (%if ${renderExpr(p.condition)} (then${renderParts(p.then)})${p.else ? ` (else${renderParts(p.else)})` : ''})`;
        case 'TemplateFor':
          return ` (%for ${[p.keyVar?.name, p.valueVar?.name].filter((n) => n !== undefined).join(' ')} in ${renderExpr(p.collection)}${renderParts(p.body)})`;
      }
    })
    .join('');
}

// ---------------------------------------------------------------------------------------------------------------
// Span invariants.

/** True when `offset` would cut a surrogate pair in two. */
function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

interface Spanned {
  start: number;
  end: number;
}

function isSpanned(value: unknown): value is Spanned {
  return typeof value === 'object' && value !== null && typeof (value as Spanned).start === 'number' && typeof (value as Spanned).end === 'number';
}

/** The spanned children of a tree node, in property order (which the AST keeps in source order). */
function childrenOf(node: object): Spanned[] {
  const result: Spanned[] = [];
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const item of value) if (isSpanned(item)) result.push(item);
    } else if (isSpanned(value)) {
      result.push(value);
    }
  }
  return result;
}

/**
 * Every violation of the tree's span invariants: each span lies inside the text and does not split a surrogate
 * pair; children lie inside their parent and follow each other in order; errors lie inside the text.
 * Walks with an explicit stack, since operator chains can nest deeply.
 */
export function spanViolations(text: string, result: ParseResult<HclFile>): string[] {
  const problems: string[] = [];
  const check = (what: string, s: Spanned): void => {
    if (!(s.start >= 0 && s.start <= s.end && s.end <= text.length)) problems.push(`${what} ${s.start}-${s.end} outside the text (length ${text.length})`);
    else if (splitsPair(text, s.start) || splitsPair(text, s.end)) problems.push(`${what} ${s.start}-${s.end} splits a surrogate pair`);
  };
  const stack: { node: Spanned; label: string }[] = [{ node: result.tree, label: 'File' }];
  while (stack.length > 0 && problems.length < 20) {
    const { node, label } = stack.pop()!;
    check(label, node);
    let previousEnd = node.start;
    for (const child of childrenOf(node)) {
      // Name the child by its kind and its parent's, short enough to read in a deep tree.
      const childLabel = `${(child as { kind?: string }).kind ?? 'node'} in ${label.split(' in ')[0]}`;
      if (child.start < node.start || child.end > node.end) problems.push(`${childLabel} ${child.start}-${child.end} not inside its parent ${node.start}-${node.end}`);
      if (child.start < previousEnd) problems.push(`${childLabel} ${child.start}-${child.end} starts before its previous sibling ends (${previousEnd})`);
      previousEnd = Math.max(previousEnd, child.end);
      stack.push({ node: child, label: childLabel });
    }
  }
  for (const error of result.errors) check(`error "${error.message}"`, error.span);
  return problems;
}

/** Violations of the same kind in a model: every span inside the text, values inside entries, entries inside bodies. */
export function modelViolations(text: string, model: FileModel): string[] {
  const problems: string[] = [];
  const inside = (what: string, inner: Spanned, outer: Spanned): void => {
    if (!(inner.start >= outer.start && inner.end <= outer.end && inner.start <= inner.end)) problems.push(`${what} ${inner.start}-${inner.end} not inside ${outer.start}-${outer.end}`);
  };
  const whole = { start: 0, end: text.length };
  const value = (what: string, v: Value, outer: Spanned): void => {
    inside(what, v.span, outer);
    if (v.kind === 'object') {
      inside(`${what} body`, v.bodySpan, v.span);
      v.entries.forEach((e: Entry) => {
        inside(`${what}.${e.key}`, e.span, v.bodySpan);
        inside(`${what}.${e.key} key`, e.keySpan, e.span);
        value(`${what}.${e.key} value`, e.value, e.span);
      });
    } else if (v.kind === 'array') {
      v.items.forEach((item, i) => value(`${what}[${i}]`, item, v.span));
    }
  };
  for (const r of model.resources) {
    inside(r.name, r.span, whole);
    inside(`${r.name} name`, r.nameSpan, r.span);
    value(`${r.name} body`, r.body, r.span);
    if (r.condition) value(`${r.name} condition`, r.condition, r.span);
  }
  for (const p of model.parameters) {
    inside(p.name, p.span, whole);
    inside(`${p.name} name`, p.nameSpan, p.span);
    if (p.defaultValue) value(`${p.name} default`, p.defaultValue, p.span);
  }
  for (const v of model.variables) {
    inside(v.name, v.span, whole);
    inside(`${v.name} name`, v.nameSpan, v.span);
    value(`${v.name} value`, v.value, v.span);
  }
  for (const m of model.modules) {
    inside(m.name, m.span, whole);
    inside(`${m.name} source`, m.sourceSpan, m.span);
    value(`${m.name} inputs`, m.inputs, m.span);
  }
  for (const d of model.declarations) inside(`${d.kind} ${d.name}`, d.span, whole);
  return problems;
}
