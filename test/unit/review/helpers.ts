// Hand-built analyses for the review tests: resources, findings, rules and metadata made up here, so the arithmetic is under test alone.
import type { FileAnalysis, Finding, Resource, Severity, SuppressedFinding } from '../../../server/src/engine';
import type { PillarId, RuleMeta } from '../../../server/src/engine/catalog';
import type { Rule } from '../../../server/src/engine/rules/rule';

/** A resource with an empty body at a made-up place; `existing` and `hasError` as asked. */
export function resource(name: string, type: string, options: { file?: string; existing?: boolean; hasError?: boolean; at?: number } = {}): Resource {
  const at = options.at ?? 0;
  const file = options.file ?? 'main.bicep';
  return {
    language: file.endsWith('.tf') ? 'terraform' : 'bicep',
    file,
    type,
    name,
    span: { start: at, end: at + 10 },
    nameSpan: { start: at, end: at + name.length },
    body: { kind: 'object', entries: [], span: { start: at, end: at + 2 }, bodySpan: { start: at + 1, end: at + 1 } },
    existing: options.existing ?? false,
    isLoop: false,
    hasError: options.hasError ?? false,
  };
}

/** A finding of `ruleId` on `on`, with the severity and flags asked for. */
export function finding(ruleId: string, on: Resource, severity: Severity, options: { undetermined?: boolean; message?: string } = {}): Finding {
  return {
    ruleId,
    severity,
    message: options.message ?? `${ruleId} on ${on.name}`,
    file: on.file,
    span: on.nameSpan,
    resourceName: on.name,
    resourceType: on.type,
    fixes: [],
    related: [],
    ...(options.undetermined ? { undetermined: true as const } : {}),
  };
}

/** The same finding, accepted with a reason. */
export function suppressed(f: Finding, reason: string): SuppressedFinding {
  return { ...f, suppression: { reason, span: { start: 0, end: 1 } } };
}

/** A file's analysis from its resources and findings. */
export function analysis(file: string, resources: Resource[], findings: Finding[] = [], silenced: SuppressedFinding[] = []): FileAnalysis {
  return {
    file,
    model: {
      file,
      language: file.endsWith('.tf') ? 'terraform' : 'bicep',
      fileKind: file.endsWith('.tf') ? 'tf' : 'bicep',
      resources,
      parameters: [],
      variables: [],
      modules: [],
      declarations: [],
      parseErrors: [],
    },
    findings,
    notices: [],
    ...(silenced.length > 0 ? { suppressed: silenced } : {}),
  };
}

/** A text long enough for every made-up span. */
export const TEXT = `${'x'.repeat(200)}\n${'y'.repeat(200)}\n`;

/** A rule that reads `types` (Bicep) and judges the resources `appliesTo` accepts; its check is never called by the review. */
export function rule(id: string, types: string[], appliesTo?: (r: Resource) => boolean): Rule {
  return { id, resourceTypes: { bicep: types, terraform: types }, messages: {}, check: () => undefined, fixable: false, ...(appliesTo ? { appliesTo } : {}) };
}

/** Metadata for a made-up rule. */
export function meta(id: string, pillar: PillarId, severity: Severity, principles: string[]): RuleMeta {
  return { id, title: `Title of ${id}`, pillar, severity, principles, languages: ['bicep', 'terraform'], rationale: 'Why.', recommendation: 'What.', peers: [] };
}
