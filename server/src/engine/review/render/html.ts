// Renders the review as self-contained HTML: inline CSS, SVG charts, no script and no remote content; every value from the code escaped.
import type {
  AcceptedRisk,
  ApplicableTradeoff,
  CheckCounts,
  CostDriver,
  PillarReview,
  PrincipleReview,
  ResourceFindings,
  ReviewFinding,
  ReviewLocation,
  WorkloadReview,
} from '../types';
import { countsText, factText, locationText, METHOD, OUTCOMES, plural, scopeText } from './common';
import { escapeHtml as h, safeHref } from './escape';
import { bandOf, pillarBars, scoreRing } from './svg';
import { mapSection } from './mapSection';

/** Options of the HTML renderers. */
export interface HtmlOptions {
  /** The `href` of a link to a place in the code; by default the file's path with a `#L<line>` fragment. */
  href?: (location: ReviewLocation) => string;
  /** Review questions already answered, by checklist id: their boxes are rendered ticked. */
  answers?: Readonly<Record<string, boolean>>;
  /** Shown in the footer, e.g. `WAF AI Lens 0.1.0`. */
  generator?: string;
  /** The page title; `Workload review` by default. */
  title?: string;
  /**
   * Links to places in the code carry only `data-loc="<file>:<line>:<column>:<end line>:<end column>"`, where `<file>`
   * indexes a `<template id="wal-files">` of the files' paths at the end of the body, and no `href` target or `title`:
   * for the editor's report view, whose script resolves them on click (and sets the title on hover). A report of 5,000
   * files has 45,000 such links: in the full form (`href`, `data-file`, four positions and a title, naming the file four
   * times) 14 MB of its 33 MB, compact 5 MB. A standalone page (no script) needs the full form, the default.
   */
  compactLocations?: boolean;
}

/**
 * The report's style sheet. It reads VS Code's theme variables when shown in a webview and falls back to a light
 * (or, when the system asks, dark) palette in a browser. The body never uses `style` attributes, so a strict CSP holds.
 */
export const REPORT_CSS = `
.wal{--fg:var(--vscode-editor-foreground,#1f2328);--bg:var(--vscode-editor-background,#fff);--muted:var(--vscode-descriptionForeground,#59636e);
--border:var(--vscode-panel-border,#d8dee4);--card:var(--vscode-sideBar-background,#f6f8fa);--link:var(--vscode-textLink-foreground,#0969da);
--code:var(--vscode-textCodeBlock-background,#eff1f3);--good:#2f9e57;--fair:#c98a04;--poor:#d1453b;--none:#8b949e;
color:var(--fg);background:var(--bg);font:14px/1.5 var(--vscode-font-family,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);
max-width:1120px;margin:0 auto;padding:24px 28px 48px}
@media (prefers-color-scheme:dark){.wal{--fg:var(--vscode-editor-foreground,#e6edf3);--bg:var(--vscode-editor-background,#0d1117);
--muted:var(--vscode-descriptionForeground,#9198a1);--border:var(--vscode-panel-border,#30363d);--card:var(--vscode-sideBar-background,#161b22);
--link:var(--vscode-textLink-foreground,#4493f8);--code:var(--vscode-textCodeBlock-background,#262c36)}}
html,body{margin:0;padding:0}
body{background:var(--vscode-editor-background,#fff)}
@media (prefers-color-scheme:dark){body{background:var(--vscode-editor-background,#0d1117)}}
.wal a{color:var(--link);text-decoration:none}.wal a:hover{text-decoration:underline}
.wal code{font-family:var(--vscode-editor-font-family,ui-monospace,SFMono-Regular,Menlo,Consolas,monospace);font-size:12.5px;background:var(--code);padding:1px 5px;border-radius:4px;overflow-wrap:anywhere}
.wal h1{font-size:26px;margin:0 0 4px}.wal h2{font-size:20px;margin:0}.wal h3{font-size:15px;margin:0}
.wal h4{font-size:13px;margin:14px 0 6px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.wal .muted{color:var(--muted)}
.hero{display:grid;grid-template-columns:auto 1fr auto;gap:24px;align-items:center;padding:22px 24px;border:1px solid var(--border);border-radius:12px;background:var(--card)}
.hero .lede{margin:2px 0 12px;color:var(--muted);max-width:420px}
.pillar-bars{color:var(--fg)}
.tally{display:flex;flex-wrap:wrap;gap:6px;list-style:none;margin:0;padding:0}
.tally li{border:1px solid var(--border);border-radius:999px;padding:1px 8px;font-size:12px;background:var(--bg)}
.tally b{font-weight:700}
.o-passed b{color:var(--good)}.o-advisory b{color:var(--link)}.o-failed b{color:var(--poor)}.o-undetermined b{color:var(--fair)}.o-accepted b{color:var(--muted)}
.toc{display:flex;flex-wrap:wrap;gap:4px 18px;margin:18px 2px 8px;font-size:13px}
.section{margin-top:30px}
.section>h2{padding-bottom:6px;border-bottom:1px solid var(--border);margin-bottom:12px}
.pillar{border:1px solid var(--border);border-radius:12px;margin:16px 0;overflow:hidden}
.pillar>header{display:flex;gap:14px;align-items:center;padding:14px 18px;background:var(--card);border-bottom:1px solid var(--border)}
.pillar>header p{margin:2px 0 0;color:var(--muted);font-size:13px}
.pillar .body{padding:4px 18px 12px}
.badge{display:inline-flex;align-items:center;justify-content:center;min-width:44px;height:30px;padding:0 8px;border-radius:8px;font-weight:700;font-size:16px;color:#fff;box-sizing:border-box}
.badge.small{min-width:34px;height:22px;font-size:12.5px;border-radius:6px}
.band-good{background:var(--good)}.band-fair{background:var(--fair)}.band-poor{background:var(--poor)}
.band-none{background:transparent;color:var(--muted);border:1px dashed var(--none);font-weight:500;font-size:12px}
.no-evidence{margin:12px 0 4px;padding:8px 12px;border-left:3px solid var(--none);background:var(--card);border-radius:4px}
details.principle{border-top:1px solid var(--border);padding:8px 0}
details.principle:first-of-type{border-top:0}
details.principle>summary{cursor:pointer;display:flex;gap:10px;align-items:center;list-style:none;padding:4px 0}
details.principle>summary::-webkit-details-marker{display:none}
details.principle>summary::before{content:"\\25B8";color:var(--muted);width:10px}
details.principle[open]>summary::before{content:"\\25BE"}
.principle .key{font-weight:700;color:var(--muted);min-width:24px}
.principle .title{flex:1;font-weight:600}
.principle .meta{font-size:12px;color:var(--muted);white-space:nowrap}
.principle .inner{padding:2px 0 4px 20px}
.principle .summary{margin:2px 0 6px;color:var(--muted)}
.resource{margin:10px 0;border:1px solid var(--border);border-radius:8px;background:var(--bg)}
.resource>.head{display:flex;flex-wrap:wrap;gap:8px;align-items:baseline;padding:7px 12px;border-bottom:1px solid var(--border);background:var(--card);border-radius:8px 8px 0 0}
.resource .type{color:var(--muted);font-size:12px;overflow-wrap:anywhere}
.resource .head .loc{margin-left:auto}
ul.findings{list-style:none;margin:0;padding:4px 12px}
ul.findings li{display:grid;grid-template-columns:74px 1fr auto;gap:10px;padding:6px 0;border-top:1px dashed var(--border)}
ul.findings li:first-child{border-top:0}
.sev{font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.03em;border-radius:4px;padding:1px 6px;height:fit-content;text-align:center}
.sev-error{color:#fff;background:var(--poor)}.sev-warning{color:#fff;background:var(--fair)}.sev-note{color:var(--link);border:1px solid var(--link)}
.finding .rule{font-size:12px;display:block}
.loc{font-family:var(--vscode-editor-font-family,ui-monospace,SFMono-Regular,Menlo,Consolas,monospace);font-size:12px;white-space:nowrap}
ul.checklist{list-style:none;margin:0;padding:0}
ul.checklist li{margin:4px 0}
ul.checklist label{display:flex;gap:8px;align-items:flex-start;cursor:pointer}
ul.checklist input{margin-top:3px}
table.grid{width:100%;border-collapse:collapse;font-size:13px}
table.grid th,table.grid td{text-align:left;vertical-align:top;padding:7px 10px;border-bottom:1px solid var(--border)}
table.grid th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);font-weight:600}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
.unknown{color:var(--fair);font-style:italic}
.notes{margin:4px 0 0;padding-left:16px;color:var(--muted);font-size:12px}
ul.tradeoffs{padding-left:18px}ul.tradeoffs li{margin:8px 0}
.pill{display:inline-block;font-size:11.5px;border:1px solid var(--border);border-radius:999px;padding:0 8px;margin-right:6px;color:var(--muted)}
.wal footer{margin-top:36px;color:var(--muted);font-size:12px}
ol.method li{margin:4px 0}
@media (max-width:900px){.hero{grid-template-columns:auto 1fr}.hero .bars{grid-column:1/-1}}
.map-frame{overflow-x:auto;margin-top:8px}
.map-frame svg.workload-map{display:block;max-width:100%;height:auto}
.workload-map .map-bg{fill:var(--bg)}.workload-map .map-card{fill:var(--card);stroke:var(--border)}
.workload-map .map-fg{fill:var(--fg)}.workload-map .map-muted{fill:var(--muted)}
.workload-map a.map-node:hover .map-bg,.workload-map a.map-node:focus .map-bg{fill:var(--code)}
.workload-map a:hover{text-decoration:none}
@media print{.toc{display:none}.pillar,.resource{break-inside:avoid}}
`;

/** A complete HTML document: the body with the style sheet inline and a CSP that allows nothing but that style. */
export function renderHtmlDocument(review: WorkloadReview, options: HtmlOptions = {}): string {
  const title = options.title ?? 'Workload review';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Even if a value slipped through escaping, this page could load and run nothing.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    renderHtmlBody(review, options),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The report's markup, without `<html>`, `<head>` or style: what the report view wraps in its own document. */
export function renderHtmlBody(review: WorkloadReview, options: HtmlOptions = {}): string {
  const href = options.href ?? defaultHref;
  const answers = options.answers ?? {};
  const files = options.compactLocations ? new Map<string, number>() : undefined;
  const loc = files
    ? (location: ReviewLocation): string => {
        let index = files.get(location.file);
        if (index === undefined) {
          index = files.size;
          files.set(location.file, index);
        }
        return `<a class="loc" href="#" data-loc="${index}:${location.line}:${location.column}:${location.endLine}:${location.endColumn}">${h(locationText(location))}</a>`;
      }
    : (location: ReviewLocation): string =>
        `<a class="loc" href="${h(safeHref(href(location)))}" data-file="${h(location.file)}" data-line="${location.line}" data-column="${location.column}" ` +
        `data-end-line="${location.endLine}" data-end-column="${location.endColumn}" title="Open ${h(locationText(location))}">${h(locationText(location))}</a>`;
  const ctx: Ctx = { loc, answers };
  return [
    '<main class="wal">',
    hero(review, options.title ?? 'Workload review'),
    `<nav class="toc"><a href="#pillars">Pillars</a>${review.map ? '<a href="#workload-map">Workload map</a>' : ''}<a href="#cost-drivers">Cost drivers</a><a href="#tradeoffs">Trade-offs</a><a href="#accepted">Accepted risks</a><a href="#files">Files</a><a href="#method">How the score works</a></nav>`,
    `<section class="section" id="pillars"><h2>Pillars</h2>${review.pillars.map((p) => pillarSection(p, ctx, review.costDrivers.length)).join('')}</section>`,
    review.map ? mapSection(review.map, href) : '',
    costSection(review.costDrivers, ctx),
    tradeoffSection(review.tradeoffs),
    acceptedSection(review.accepted, ctx),
    filesSection(review, ctx),
    `<section class="section" id="method"><h2>How the score works</h2><ol class="method">${METHOD.map((s) => `<li>${inlineCode(s)}</li>`).join('')}</ol></section>`,
    `<footer>${h(options.generator ? `Generated by ${options.generator} from the code alone` : 'Generated from the code alone')}: no cloud account, deployment or network was consulted. ` +
      `Principles from <a href="${h(safeHref(review.article.url))}">${h(review.article.title)}</a>, restated in our own words.</footer>`,
    // Made last: the sections above fill the table as they link. A template's content is never rendered.
    ...(files ? [fileTable(files)] : []),
    '</main>',
  ].join('\n');
}

/** The paths compact links index, in index order, as a template the view's script reads (see `compactLocations`). */
function fileTable(files: ReadonlyMap<string, number>): string {
  return `<template id="wal-files">${[...files.keys()].map((file) => `<i>${h(file)}</i>`).join('')}</template>`;
}

interface Ctx {
  loc(location: ReviewLocation): string;
  answers: Readonly<Record<string, boolean>>;
}

function defaultHref(location: ReviewLocation): string {
  return `${location.file.split('/').map(encodeURIComponent).join('/')}#L${location.line}`;
}

/** Escapes a sentence (a message or a catalog text) and shows its `code` spans as <code>, as the editor's hovers do. */
function inlineCode(text: string): string {
  return h(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function badge(score: number | null, small = false): string {
  const band = bandOf(score);
  const label = score === null ? 'no evidence' : String(score);
  return `<span class="badge${small ? ' small' : ''} band-${band}" title="${score === null ? 'No evidence from code' : `Score ${score} of 100`}">${label}</span>`;
}

function tally(counts: CheckCounts): string {
  return `<ul class="tally">${OUTCOMES.map((o) => `<li class="o-${o.key}"><b>${counts[o.key]}</b> ${o.label}</li>`).join('')}</ul>`;
}

function hero(review: WorkloadReview, title: string): string {
  const { overall } = review;
  const scope =
    overall.score === null
      ? 'No pillar has evidence from code yet: answer the review questions below.'
      : `Overall score from ${plural(overall.pillarsScored, 'pillar')} with evidence from code.`;
  return [
    '<header class="hero">',
    `<div class="ring">${scoreRing(overall.score)}</div>`,
    '<div class="text">',
    `<h1>${h(title)}</h1>`,
    `<p class="lede">${h(scope)} Read from ${h(scopeText(review))}, against <a href="${h(safeHref(review.article.url))}">${h(review.article.title)}</a>.</p>`,
    tally(overall.counts),
    '</div>',
    `<div class="bars">${pillarBars(review.pillars)}</div>`,
    '</header>',
  ].join('');
}

function pillarSection(pillar: PillarReview, ctx: Ctx, costDrivers: number): string {
  const noEvidence = pillar.score.value === null;
  // Cost is the pillar code scores least; what it does show about the bill is the inventory, so point there.
  const inventory =
    pillar.id === 'cost' && costDrivers > 0 ? ` What the code does say about the bill is in the <a href="#cost-drivers">${plural(costDrivers, 'cost driver')}</a> below.` : '';
  return [
    `<section class="pillar" id="pillar-${h(pillar.id)}" data-pillar="${h(pillar.id)}" data-score="${pillar.score.value ?? ''}">`,
    `<header>${badge(pillar.score.value)}<div><h2><a href="${h(safeHref(pillar.url))}">${h(pillar.title)}</a></h2>`,
    `<p>${h(pillar.summary)}</p><p>${h(countsText(pillar.score.counts))}${pillar.score.possible > 0 ? ` · weight ${pillar.score.earned} of ${pillar.score.possible}` : ''}</p></div></header>`,
    '<div class="body">',
    noEvidence ? `<p class="no-evidence"><strong>No evidence from code.</strong> Nothing the rules check for this pillar is declared here, so the review questions below are the review.${inventory}</p>` : '',
    pillar.principles.map((p) => principleSection(p, ctx, noEvidence)).join(''),
    '</div></section>',
  ].join('');
}

function principleSection(principle: PrincipleReview, ctx: Ctx, pillarWithoutEvidence: boolean): string {
  const findings = principle.resources.reduce((n, r) => n + r.findings.length, 0);
  const open = findings > 0 || (pillarWithoutEvidence && principle.checklist.length > 0);
  const meta = [
    principle.score.value === null ? 'no evidence from code' : countsText(principle.score.counts),
    findings > 0 ? plural(findings, 'finding') : '',
    principle.checklist.length > 0 ? plural(principle.checklist.length, 'question') : '',
    `code evidence: ${principle.codeEvidence}`,
  ].filter((s) => s !== '');
  return [
    `<details class="principle" id="principle-${h(principle.id)}" data-principle="${h(principle.id)}"${open ? ' open' : ''}>`,
    `<summary><span class="key">${h(principle.key)}</span><span class="title">${h(principle.title)}</span>`,
    `<span class="meta">${h(meta.join(' · '))}</span>${badge(principle.score.value, true)}</summary>`,
    '<div class="inner">',
    `<p class="summary">${h(principle.summary)} <a href="${h(safeHref(principle.url))}">Read more</a></p>`,
    principle.resources.map((r) => resourceBlock(r, ctx)).join(''),
    principle.checklist.length > 0
      ? `<h4>Review questions</h4><ul class="checklist">${principle.checklist
          .map(
            (item) =>
              `<li><label><input type="checkbox" data-question-id="${h(item.id)}" data-principle-id="${h(item.principleId)}"${ctx.answers[item.id] ? ' checked' : ''}> <span>${h(item.question)}</span></label></li>`,
          )
          .join('')}</ul>`
      : '',
    '</div></details>',
  ].join('');
}

function resourceBlock(group: ResourceFindings, ctx: Ctx): string {
  const { resource } = group;
  return [
    `<div class="resource" data-resource="${h(resource.name)}">`,
    `<div class="head"><code>${h(resource.name)}</code><span class="type">${h(resource.type)}</span>${ctx.loc(resource.location)}</div>`,
    `<ul class="findings">${group.findings.map((f) => findingItem(f, ctx)).join('')}</ul>`,
    '</div>',
  ].join('');
}

function findingItem(finding: ReviewFinding, ctx: Ctx): string {
  const kind = finding.kind === 'failed' ? finding.severity : finding.kind === 'undetermined' ? 'unknown' : 'note';
  return (
    `<li class="finding kind-${finding.kind}" data-rule="${h(finding.ruleId)}"><span class="sev sev-${finding.severity}">${h(kind)}</span>` +
    `<div>${inlineCode(finding.message)}<a class="rule" href="${h(safeHref(finding.docsUrl))}">${h(finding.ruleId)}: ${h(finding.ruleTitle)}${finding.fixes > 0 ? ' · fix available in the editor' : ''}</a></div>` +
    `${ctx.loc(finding.location)}</li>`
  );
}

function costSection(drivers: readonly CostDriver[], ctx: Ctx): string {
  const intro =
    '<p class="muted">What the code declares that drives the bill, with the values that size it. Values the code does not state are shown as unknown, never guessed: model the real usage (tokens, queries, data volume) on top of these.</p>';
  if (drivers.length === 0) return `<section class="section" id="cost-drivers"><h2>Cost drivers</h2>${intro}<p>No cost driver the review knows of is declared in the code.</p></section>`;
  const rows = drivers.map((d) => {
    const facts = d.facts
      .map((f) => `<dt>${h(f.label)}</dt><dd${f.state === 'unknown' || f.state === 'unset' ? ' class="unknown"' : ''}>${h(factText(f))}</dd>`)
      .join('');
    const notes = d.notes.length > 0 ? `<ul class="notes">${d.notes.map((n) => `<li>${h(n)}</li>`).join('')}</ul>` : '';
    return (
      `<tr class="cost-driver" data-kind="${h(d.kind)}"><td><strong>${h(d.title)}</strong><br><code>${h(d.resource.name)}</code>${d.part ? ` <span class="muted">pool ${h(d.part)}</span>` : ''}` +
      `<br><span class="muted">${h(d.resource.type)}</span></td><td><dl class="facts">${facts}</dl>${notes}</td><td>${ctx.loc(d.resource.location)}</td></tr>`
    );
  });
  return `<section class="section" id="cost-drivers"><h2>Cost drivers</h2>${intro}<table class="grid"><thead><tr><th>Driver</th><th>Sized by</th><th>Where</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function tradeoffSection(tradeoffs: readonly ApplicableTradeoff[]): string {
  const body =
    tradeoffs.length === 0
      ? '<p>No trade-off from the principles bears on what the code declares.</p>'
      : `<ul class="tradeoffs">${tradeoffs
          .map(
            (t) =>
              `<li class="tradeoff"><span class="pill">${h(t.principleTitle)}</span><span class="pill">versus ${h(t.withTitle)}</span><br>${h(t.text)} <span class="muted">${h(t.because)}</span></li>`,
          )
          .join('')}</ul>`;
  return `<section class="section" id="tradeoffs"><h2>Trade-offs</h2>${body}</section>`;
}

function acceptedSection(accepted: readonly AcceptedRisk[], ctx: Ctx): string {
  const body =
    accepted.length === 0
      ? '<p>None: no finding was accepted with a <code>waf-ai-lens-ignore</code> comment.</p>'
      : `<table class="grid"><thead><tr><th>Finding</th><th>Reason given</th><th>Where</th></tr></thead><tbody>${accepted
          .map(
            (a) =>
              `<tr class="accepted-risk"><td><span class="sev sev-${a.severity}">${h(a.severity)}</span> ${h(a.message)}<br><span class="muted">${h(a.ruleId)} on <code>${h(a.resource)}</code></span></td><td>${h(a.reason)}</td><td>${ctx.loc(a.location)}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  return `<section class="section" id="accepted"><h2>Accepted risks</h2><p class="muted">Findings the team accepted with a reason; they are out of the score and stay on the record.</p>${body}</section>`;
}

function filesSection(review: WorkloadReview, ctx: Ctx): string {
  const rows = review.files.map((f) => {
    const notices = f.notices.map((n) => `<br><span class="sev sev-${n.level}">${h(n.level)}</span> ${h(n.message)} ${ctx.loc(n.location)}`).join('');
    return `<tr><td><code>${h(f.path)}</code>${notices}</td><td>${h(f.language)}</td><td>${f.resources}</td><td>${f.checks}</td><td>${f.findings}</td><td>${f.parsedCleanly ? 'yes' : 'no'}</td></tr>`;
  });
  return `<section class="section" id="files"><h2>Files</h2><table class="grid"><thead><tr><th>File</th><th>Language</th><th>Resources</th><th>Checks</th><th>Findings</th><th>Parsed cleanly</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}
