// Renders a review as a SARIF 2.1.0 log, the format code-scanning services (GitHub, Azure DevOps) ingest.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity, Span } from '../../engine';
import { allRuleMeta, ruleDocsUrl, ruleMeta, type RuleMeta } from '../../engine/catalog';
import type { LineMap } from '../../engine/text/lines';
import { compareCodeUnits } from '../paths';
import { LineMaps, runFailed, sortedFindings, type ReviewReport } from '../review';
import { TOOL_NAME, TOOL_URI, TOOL_VERSION } from '../version';

/** The schema SARIF consumers validate against, as GitHub code scanning documents it. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The base every artifact URI is relative to: the working directory, named the way GitHub code scanning expects. */
export const SRCROOT = '%SRCROOT%';

// The subset of SARIF 2.1.0 this tool writes, typed so a typo in a property name fails the build.

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [SarifRun];
}

export interface SarifRun {
  tool: { driver: SarifDriver };
  invocations: SarifInvocation[];
  originalUriBaseIds: Record<string, { uri: string; description?: { text: string } }>;
  artifacts: SarifArtifact[];
  results: SarifResult[];
  columnKind: 'utf16CodeUnits';
}

export interface SarifDriver {
  name: string;
  version: string;
  semanticVersion: string;
  informationUri: string;
  rules: SarifRule[];
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription?: { text: string };
  fullDescription?: { text: string };
  help?: { text: string };
  helpUri: string;
  defaultConfiguration?: { level: Severity };
  properties?: { tags: string[] };
}

export interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}

export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  charOffset: number;
  charLength: number;
}

export interface SarifPhysicalLocation {
  artifactLocation: SarifArtifactLocation;
  region?: SarifRegion;
}

export interface SarifLocation {
  id?: number;
  physicalLocation: SarifPhysicalLocation;
  logicalLocations?: Array<{ name: string; fullyQualifiedName: string; kind: 'resource' }>;
  message?: { text: string };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Severity;
  message: { text: string };
  locations: [SarifLocation];
  relatedLocations?: SarifLocation[];
  partialFingerprints: Record<string, string>;
  fixes?: SarifFix[];
  /** Present on a result a `waf-ai-lens-ignore` comment silenced: code scanning shows it as dismissed, with the reason. */
  suppressions?: Array<{ kind: 'inSource'; justification: string }>;
}

export interface SarifFix {
  description: { text: string };
  artifactChanges: Array<{
    artifactLocation: SarifArtifactLocation;
    replacements: Array<{ deletedRegion: SarifRegion | { charOffset: number; charLength: number }; insertedContent: { text: string } }>;
  }>;
}

export interface SarifArtifact {
  location: SarifArtifactLocation;
  length: number;
  sourceLanguage: string;
}

export interface SarifInvocation {
  executionSuccessful: boolean;
  toolExecutionNotifications: SarifNotification[];
}

export interface SarifNotification {
  level: Severity;
  message: { text: string };
  locations: Array<{ physicalLocation: SarifPhysicalLocation }>;
}

/**
 * Builds the SARIF log of a review. Decisions:
 * - `tool.driver.rules` lists every rule in the catalog (sorted by id), not only those with results, so a rule keeps
 *   the same `ruleIndex` from run to run and the log says what was checked (no result = passed); a result whose rule
 *   has no metadata still gets a minimal descriptor so that every `ruleIndex` is valid.
 * - Columns and character offsets count UTF-16 code units (`columnKind: utf16CodeUnits`), as the engine's spans do.
 * - URIs are relative to `%SRCROOT%`, the working directory, given in `originalUriBaseIds`.
 * - Files that did not parse cleanly, rule failures and inputs that were not reviewed become
 *   `toolExecutionNotifications`; `executionSuccessful` is false only when the run failed (exit code 2).
 * - No timestamps or absolute paths besides `%SRCROOT%`, so the same tree gives the same log.
 */
export function toSarifLog(report: ReviewReport, cwd: string): SarifLog {
  const maps = new LineMaps(report);
  const artifactIndex = new Map(report.files.map((f, i) => [f.path, i]));
  const location = (file: string): SarifArtifactLocation => {
    const at = artifactLocation(file);
    const index = artifactIndex.get(file);
    return index === undefined ? at : { ...at, index };
  };
  const physical = (file: string, span: Span | undefined): SarifPhysicalLocation => {
    const map = maps.get(file);
    return map && span ? { artifactLocation: location(file), region: regionOf(map, span) } : { artifactLocation: location(file) };
  };

  const findings = sortedFindings(report);
  const suppressed = report.files.flatMap((f) => [...(f.analysis.suppressed ?? [])].sort((a, b) => a.span.start - b.span.start));
  const rules = driverRules([...findings, ...suppressed]);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const seen = new Map<string, number>();

  const toResult = (finding: Finding): SarifResult => {
    const result: SarifResult = {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId)!,
      level: finding.severity,
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: physical(finding.file, finding.span),
          logicalLocations: [{ name: lastSegment(finding.resourceName), fullyQualifiedName: finding.resourceName, kind: 'resource' }],
        },
      ],
      partialFingerprints: { 'wafAiLens/v1': fingerprint(finding, seen) },
    };
    if (finding.related.length > 0) {
      result.relatedLocations = finding.related.map((r, i) => ({ id: i + 1, physicalLocation: physical(r.file, r.span), message: { text: r.message } }));
    }
    if (finding.fixes.length > 0) {
      result.fixes = finding.fixes.map((fix) => ({
        description: { text: fix.title },
        artifactChanges: groupEdits(finding.file, fix.edits).map(([file, edits]) => ({
          artifactLocation: location(file),
          replacements: edits.map((e) => {
            const map = maps.get(file);
            return {
              deletedRegion: map ? regionOf(map, e.span) : { charOffset: e.span.start, charLength: e.span.end - e.span.start },
              insertedContent: { text: e.text },
            };
          }),
        })),
      }));
    }
    return result;
  };
  const results = [
    ...findings.map(toResult),
    ...suppressed.map((finding): SarifResult => ({ ...toResult(finding), suppressions: [{ kind: 'inSource', justification: finding.suppression.reason }] })),
  ];

  const notifications: SarifNotification[] = [
    ...report.files.flatMap((f) =>
      f.analysis.notices.map((n) => ({ level: n.level, message: { text: n.message }, locations: [{ physicalLocation: physical(n.file, n.span) }] })),
    ),
    ...report.problems.map((p) => ({
      level: p.level,
      message: { text: `${p.path}: ${p.message}` },
      locations: [{ physicalLocation: physical(p.path, undefined) }],
    })),
  ];

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: TOOL_VERSION, semanticVersion: TOOL_VERSION, informationUri: TOOL_URI, rules } },
        invocations: [{ executionSuccessful: !runFailed(report), toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(cwd), description: { text: 'The working directory of the review.' } } },
        artifacts: report.files.map((f) => ({
          location: artifactLocation(f.path),
          length: f.bytes,
          sourceLanguage: f.analysis.model.language,
        })),
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

/** The SARIF log as text: two-space indented, ending with a newline. */
export function formatSarif(report: ReviewReport, cwd: string): string {
  return `${JSON.stringify(toSarifLog(report, cwd), null, 2)}\n`;
}

/** The rule descriptors: the whole catalog plus any rule id seen in results that the catalog lacks, sorted by id. */
function driverRules(findings: readonly Finding[]): SarifRule[] {
  const metas = new Map<string, RuleMeta | undefined>(allRuleMeta().map((m) => [m.id, m]));
  for (const f of findings) if (!metas.has(f.ruleId)) metas.set(f.ruleId, ruleMeta(f.ruleId));
  return [...metas.entries()]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([id, meta]): SarifRule => {
      const rule: SarifRule = { id, name: pascalCase(id), helpUri: ruleDocsUrl(id) };
      if (!meta) return rule;
      return {
        ...rule,
        shortDescription: { text: meta.title },
        fullDescription: { text: meta.rationale },
        help: { text: meta.recommendation },
        defaultConfiguration: { level: meta.severity },
        properties: { tags: [meta.pillar, ...meta.principles] },
      };
    });
}

/** `require-disable-local-auth` → `RequireDisableLocalAuth`, the form SARIF suggests for `rule.name`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** A relative URI under `%SRCROOT%` for a cwd-relative path; an absolute one (another drive) as a `file:` URI. */
export function artifactLocation(path: string): SarifArtifactLocation {
  if (/^(\/|[A-Za-z]:\/)/.test(path)) return { uri: pathToFileURL(path).href };
  return { uri: path.split('/').map((segment) => encodeURIComponent(segment)).join('/'), uriBaseId: SRCROOT };
}

/** The `file:` URI of a folder, with the trailing slash a base URI needs for relative URIs to resolve inside it. */
function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function regionOf(map: LineMap, span: Span): SarifRegion {
  const start = map.lineColumn(span.start);
  const end = map.lineColumn(span.end);
  return {
    startLine: start.line,
    startColumn: start.column,
    endLine: end.line,
    endColumn: end.column,
    charOffset: span.start,
    charLength: Math.max(span.end - span.start, 0),
  };
}

/** The last segment of a resource name (`parent::child` → `child`, `azurerm_x.y` → `y`), SARIF's short `name`. */
function lastSegment(name: string): string {
  const parts = name.split(/::|\./);
  return parts[parts.length - 1] || name;
}

/**
 * A fingerprint that survives edits elsewhere in the file: rule, file and resource, not the line. Code-scanning
 * services use it to keep tracking one alert as code moves; a counter tells apart repeats on the same resource.
 */
function fingerprint(finding: Finding, seen: Map<string, number>): string {
  const key = `${finding.ruleId}\u0000${finding.file}\u0000${finding.resourceName}`;
  const n = (seen.get(key) ?? 0) + 1;
  seen.set(key, n);
  return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${n}`;
}

/** A fix's edits grouped by file (an edit without a file belongs to the finding's file), in first-seen order. */
function groupEdits(file: string, edits: Finding['fixes'][number]['edits']): Array<[string, typeof edits]> {
  const groups = new Map<string, typeof edits>();
  for (const edit of edits) {
    const target = edit.file ?? file;
    groups.set(target, [...(groups.get(target) ?? []), edit]);
  }
  return [...groups.entries()];
}
