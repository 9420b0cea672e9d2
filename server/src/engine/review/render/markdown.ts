// Renders the review as GitHub-flavoured Markdown: scores, findings by pillar and principle, checklists, cost drivers, trade-offs.
import type { CostDriver, PillarReview, PrincipleReview, ReviewLocation, WorkloadReview } from '../types';
import { countsText, factText, locationText, METHOD, OUTCOMES, plural, scopeText } from './common';
import { escapeMarkdown as md, markdownCode as code } from './escape';
import { renderMermaid } from '../../map/mermaid';

/** Options of the Markdown renderer. */
export interface MarkdownOptions {
  /** The link target of a place in the code; by default the file's path with a `#L<line>` fragment, as code hosts read it. */
  href?: (location: ReviewLocation) => string;
  /** Review questions already answered, by checklist id: rendered `[x]`. */
  answers?: Readonly<Record<string, boolean>>;
  title?: string;
}

/** The review as Markdown, one block per line, ending with a newline. */
export function renderMarkdown(review: WorkloadReview, options: MarkdownOptions = {}): string {
  const href = options.href ?? ((l: ReviewLocation) => `${l.file.split('/').map(encodeURIComponent).join('/')}#L${l.line}`);
  const answers = options.answers ?? {};
  const link = (l: ReviewLocation): string => `[${md(locationText(l))}](<${href(l).replace(/[<>]/g, encodeURIComponent)}>)`;
  const out: string[] = [];
  const { overall } = review;

  out.push(`# ${md(options.title ?? 'Workload review')}`, '');
  out.push(
    overall.score === null
      ? '**Overall score: no evidence from code.** Answer the review questions below.'
      : `**Overall score: ${overall.score} / 100**, the mean of ${plural(overall.pillarsScored, 'pillar')} with evidence from code.`,
    '',
    `Read from ${md(scopeText(review))}, against [${md(review.article.title)}](${review.article.url}).`,
    `Checks: ${md(countsText(overall.counts))}.`,
    '',
    `| Pillar | Score | ${OUTCOMES.map((o) => o.label[0]!.toUpperCase() + o.label.slice(1)).join(' | ')} |`,
    `|---|---:|${OUTCOMES.map(() => '---:').join('|')}|`,
    ...review.pillars.map((p) => `| [${md(p.title)}](#${anchor(p.title)}) | ${p.score.value ?? 'no evidence'} | ${OUTCOMES.map((o) => p.score.counts[o.key]).join(' | ')} |`),
    '',
  );

  if (review.map) out.push(...mapLines(review));
  for (const pillar of review.pillars) out.push(...pillarLines(pillar, link, answers, review.costDrivers.length));
  out.push(...costLines(review.costDrivers, link));

  out.push('## Trade-offs', '');
  if (review.tradeoffs.length === 0) out.push('No trade-off from the principles bears on what the code declares.', '');
  for (const t of review.tradeoffs) out.push(`- **${md(t.principleTitle)}** versus ${md(t.withTitle)}: ${md(t.text)} _${md(t.because)}_`);
  if (review.tradeoffs.length > 0) out.push('');

  out.push('## Accepted risks', '');
  if (review.accepted.length === 0) out.push('None: no finding was accepted with a `waf-ai-lens-ignore` comment.', '');
  else {
    out.push('| Finding | Reason given | Where |', '|---|---|---|');
    for (const a of review.accepted) out.push(`| ${a.severity} ${code(a.ruleId)} on ${code(a.resource)}: ${md(a.message)} | ${md(a.reason)} | ${link(a.location)} |`);
    out.push('');
  }

  out.push('## Files', '', '| File | Language | Resources | Checks | Findings | Parsed cleanly |', '|---|---|---:|---:|---:|---|');
  for (const f of review.files) out.push(`| ${code(f.path)} | ${f.language} | ${f.resources} | ${f.checks} | ${f.findings} | ${f.parsedCleanly ? 'yes' : 'no'} |`);
  out.push('');
  const notices = review.files.flatMap((f) => f.notices);
  for (const n of notices) out.push(`- ${n.level}: ${md(n.message)} (${link(n.location)})`);
  if (notices.length > 0) out.push('');

  out.push('## How the score works', '', ...METHOD.map((s, i) => `${i + 1}. ${s}`), '');
  return `${out.join('\n')}`;
}

function pillarLines(pillar: PillarReview, link: (l: ReviewLocation) => string, answers: Readonly<Record<string, boolean>>, costDrivers: number): string[] {
  const out = [`## ${md(pillar.title)}`, ''];
  const inventory = pillar.id === 'cost' && costDrivers > 0 ? ` What the code does say about the bill is in the [${plural(costDrivers, 'cost driver')}](#cost-drivers) below.` : '';
  out.push(
    pillar.score.value === null
      ? `**No evidence from code.** ${md(pillar.summary)}${inventory}`
      : `**Score ${pillar.score.value} / 100** (${md(countsText(pillar.score.counts))}; weight ${pillar.score.earned} of ${pillar.score.possible}). ${md(pillar.summary)}`,
    '',
  );
  for (const principle of pillar.principles) out.push(...principleLines(principle, link, answers));
  return out;
}

function principleLines(principle: PrincipleReview, link: (l: ReviewLocation) => string, answers: Readonly<Record<string, boolean>>): string[] {
  const score = principle.score.value === null ? 'no evidence from code' : `${principle.score.value} / 100, ${countsText(principle.score.counts)}`;
  const out = [`### ${md(principle.key)} ${md(principle.title)}`, '', `${md(score)}; code evidence: ${principle.codeEvidence}. [About this principle](${principle.url})`, ''];
  for (const group of principle.resources) {
    out.push(`- ${code(group.resource.name)} (${code(group.resource.type)}, ${link(group.resource.location)})`);
    for (const f of group.findings) {
      const word = f.kind === 'undetermined' ? 'unknown' : f.kind === 'advisory' ? 'note' : f.severity;
      out.push(`  - **${word}** [${md(f.ruleId)}](${f.docsUrl}): ${md(f.message)} (${link(f.location)})`);
    }
  }
  if (principle.resources.length > 0) out.push('');
  if (principle.checklist.length > 0) {
    out.push('Review questions:', '');
    for (const item of principle.checklist) out.push(`- [${answers[item.id] ? 'x' : ' '}] ${md(item.question)}`);
    out.push('');
  }
  return out;
}

function costLines(drivers: readonly CostDriver[], link: (l: ReviewLocation) => string): string[] {
  const out = ['## Cost drivers', '', 'What the code declares that drives the bill, with the values that size it; values the code does not state are shown as unknown.', ''];
  if (drivers.length === 0) return [...out, 'No cost driver the review knows of is declared in the code.', ''];
  out.push('| Driver | Resource | Sized by | Where |', '|---|---|---|---|');
  for (const d of drivers) {
    const facts = d.facts.map((f) => `${md(f.label)}: ${md(factText(f))}`).join('<br>');
    const notes = d.notes.length > 0 ? `<br>_${d.notes.map(md).join(' ')}_` : '';
    out.push(`| ${md(d.title)} | ${code(d.resource.name)}${d.part ? ` pool ${code(d.part)}` : ''} | ${facts}${notes} | ${link(d.resource.location)} |`);
  }
  out.push('');
  return out;
}

const MERMAID_MAX_TEXT = 50_000;

/** The workload map as a Mermaid flowchart, which GitHub, GitLab and Azure DevOps draw from a `mermaid` code block. */
function mapLines(review: WorkloadReview): string[] {
  const map = review.map!;
  if (map.nodes.length === 0) return ['## Workload map', '', 'No resource to draw: the files declare none the map shows.', ''];
  const exposed = map.nodes.filter((n) => n.exposure === 'public').length;
  const chart = renderMermaid(map).trimEnd();
  // Mermaid refuses a chart longer than its `maxTextSize` (50,000 characters by default), as code hosts configure it.
  if (chart.length > MERMAID_MAX_TEXT) {
    return ['## Workload map', '', `${plural(map.nodes.length, 'resource')} are too many for a Mermaid chart; \`waf-ai-lens map <folder> --output workload.svg\` draws the map as a file of its own.`, ''];
  }
  return [
    '## Workload map',
    '',
    `${plural(map.nodes.length, 'resource')} and ${plural(map.edges.length, 'connection')}; each box names its worst finding and counts its findings.` +
      (exposed > 0 ? ` ${plural(exposed, 'resource is', 'resources are')} reachable from the public internet (marked PUBLIC ENDPOINT).` : ''),
    '',
    '```mermaid',
    chart,
    '```',
    '',
  ];
}

/** The anchor GitHub gives a heading: lower case, spaces to dashes, punctuation dropped. */
function anchor(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}
