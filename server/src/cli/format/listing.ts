// Renders the rule and principle listings: aligned text for people (at most 120 columns), a JSON array for scripts.
import type { PillarId } from '../../engine/catalog';
import { pillars } from '../../engine/principles';
import type { PrincipleListing, RuleListing } from '../listing';

/** The widest line the text listings write, so they read in a terminal or a CI log without wrapping. */
export const LISTING_WIDTH = 120;

/** Columns of the rule table before the title, and the gap between columns. */
const GAP = '  ';
const DETAIL_INDENT = '    ';

/** The rules as a JSON array, one object per rule, keys in the order of `RuleListing`. */
export function formatRulesJson(rules: readonly RuleListing[]): string {
  return `${JSON.stringify(rules, null, 2)}\n`;
}

/** The principles as a JSON array, one object per principle, keys in the order of `PrincipleListing`. */
export function formatPrinciplesJson(list: readonly PrincipleListing[]): string {
  return `${JSON.stringify(list, null, 2)}\n`;
}

/**
 * The rules grouped by pillar, each group an aligned table of id, default severity, fix and title (the title wraps
 * within its column), with the rule's principles, resource types per language and peers on indented lines beneath,
 * since those lists are too long for a column.
 */
export function formatRulesText(rules: readonly RuleListing[]): string {
  const idWidth = Math.max('RULE'.length, ...rules.map((r) => r.id.length));
  const severityWidth = Math.max('SEVERITY'.length, ...rules.map((r) => r.severity.length));
  const fixWidth = 'FIX'.length;
  const titleStart = idWidth + severityWidth + fixWidth + 3 * GAP.length;
  const titleWidth = Math.max(20, LISTING_WIDTH - titleStart);
  const row = (id: string, severity: string, fix: string, title: string): string[] => {
    const [first = '', ...rest] = wrap(title, titleWidth);
    const head = `${id.padEnd(idWidth)}${GAP}${severity.padEnd(severityWidth)}${GAP}${fix.padEnd(fixWidth)}${GAP}${first}`;
    return [head.trimEnd(), ...rest.map((line) => `${' '.repeat(titleStart)}${line}`)];
  };
  const labelWidth = 'principles'.length;
  const detail = (label: string, items: readonly string[]): string[] => {
    const indent = `${DETAIL_INDENT}${label.padEnd(labelWidth)}${GAP}`;
    return wrapItems(items, LISTING_WIDTH - indent.length).map((line, i) => `${i === 0 ? indent : ' '.repeat(indent.length)}${line}`);
  };

  const out: string[] = [`${rules.length} rules. SEVERITY is the default, which a config file can change; FIX says whether the rule offers a code fix.`];
  for (const [pillarId, title] of pillarTitles()) {
    const group = rules.filter((r) => r.pillar === pillarId);
    if (group.length === 0) continue;
    out.push('', `${title} (${group.length} ${group.length === 1 ? 'rule' : 'rules'})`, ...row('RULE', 'SEVERITY', 'FIX', 'TITLE'));
    for (const rule of group) {
      out.push(...row(rule.id, rule.severity, rule.fixable ? 'yes' : 'no', rule.title));
      out.push(...detail('principles', rule.principles));
      for (const [language, types] of Object.entries(rule.resourceTypes)) out.push(...detail(language, (types ?? []).map((t) => typeName(language, t))));
      if (rule.peers.length > 0) out.push(...detail('peers', rule.peers));
    }
  }
  return `${out.join('\n')}\n`;
}

/** One block per principle, grouped by pillar: `id — title`, the rules that check it, and its review questions as a list. */
export function formatPrinciplesText(list: readonly PrincipleListing[]): string {
  const checked = list.filter((p) => p.rules.length > 0).length;
  const out: string[] = [`${list.length} principles; ${checked} of them have rules that check them in code, and every one has review questions.`];
  for (const [pillarId, title] of pillarTitles()) {
    const group = list.filter((p) => p.pillar === pillarId);
    if (group.length === 0) continue;
    out.push('', `${title}`);
    for (const p of group) {
      out.push('', ...hanging(`${p.id} (${p.key}) — `, p.title, ''));
      out.push(...hanging('  Rules: ', p.rules.length > 0 ? p.rules.join(', ') : 'none (only the review questions can show it is followed)', '  '));
      out.push('  Review questions:');
      for (const question of p.reviewQuestions) out.push(...hanging('    - ', question, '      '));
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * A resource type as a Terraform user writes it: the rules read `azapi_resource` blocks as their ARM type, so an ARM
 * type under Terraform is named with the resource that declares it.
 */
function typeName(language: string, type: string): string {
  return language === 'terraform' && type.includes('/') ? `${type} (azapi_resource)` : type;
}

/** Joins items with `, ` into lines of at most `width` characters, breaking only between items. */
function wrapItems(items: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  items.forEach((item, index) => {
    const piece = index < items.length - 1 ? `${item},` : item;
    if (line === '') line = piece;
    else if (line.length + 1 + piece.length <= width) line += ` ${piece}`;
    else {
      lines.push(line);
      line = piece;
    }
  });
  lines.push(line);
  return lines;
}

/** Pillar ids and titles in the article's order. */
function pillarTitles(): Array<[PillarId, string]> {
  return pillars().map((p) => [p.id, p.title]);
}

/** `prefix` then `text` wrapped to the listing width, continuation lines indented by `indent` (or to the prefix). */
function hanging(prefix: string, text: string, indent: string): string[] {
  const continuation = indent === '' ? ' '.repeat(prefix.length) : indent;
  const [first = '', ...rest] = wrap(text, LISTING_WIDTH - prefix.length);
  const lines = [`${prefix}${first}`];
  // Continuation lines may be wider than the first when their indent is shorter, so the rest is wrapped again.
  if (rest.length > 0) lines.push(...wrap(rest.join(' '), LISTING_WIDTH - continuation.length).map((line) => `${continuation}${line}`));
  return lines;
}

/**
 * Splits text into lines of at most `width` characters at spaces. A word longer than the width (a long resource type)
 * gets a line of its own rather than being cut, since a cut type name could not be searched for.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}
