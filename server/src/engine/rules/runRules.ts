// Runs every applicable rule on every resource of a file, isolating each rule so one failure drops only its own findings.
import { ruleMeta } from '../catalog';
import type { FileModel, Resource } from '../model/types';
import type { FileNotice, Finding } from '../types';
import { RULES } from './registry';
import type { Report, Rule } from './rule';

export interface RuleRun {
  findings: Finding[];
  /** Rules that threw, reported so a user can tell us, while the other rules' findings stand. */
  failures: FileNotice[];
}

const rulesByType = new Map<string, Rule[]>();
for (const rule of RULES) {
  for (const types of Object.values(rule.resourceTypes)) {
    for (const type of types ?? []) {
      const key = type.toLowerCase();
      const rules = rulesByType.get(key) ?? [];
      // An ARM type listed under both languages (Bicep, and Terraform through azapi) registers the rule once.
      if (!rules.includes(rule)) rulesByType.set(key, [...rules, rule]);
    }
  }
}

/** The rules that read a resource of this type in this language. */
export function rulesFor(resource: Resource): Rule[] {
  return (rulesByType.get(resource.type.toLowerCase()) ?? []).filter((r) =>
    (r.resourceTypes[resource.language] ?? []).some((t) => t.toLowerCase() === resource.type.toLowerCase()),
  );
}

/** Fills `{{name}}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function formatMessage(template: string, data: Record<string, string> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => data[key] ?? whole);
}

export function runRules(model: FileModel, text: string): RuleRun {
  const findings: Finding[] = [];
  const failures: FileNotice[] = [];
  for (const resource of model.resources) {
    // Declared elsewhere, or broken inside: its settings are not ours to judge, or not known well enough.
    if (resource.existing || resource.hasError) continue;
    for (const rule of rulesFor(resource)) {
      const own: Finding[] = [];
      const report = (r: Report): void => {
        const meta = ruleMeta(rule.id);
        const template = rule.messages[r.messageId] ?? r.messageId;
        own.push({
          ruleId: rule.id,
          severity: r.undetermined ? 'note' : (meta?.severity ?? 'warning'),
          message: formatMessage(template, { name: resource.name, type: resource.type, ...r.data }),
          file: model.file,
          span: r.at,
          resourceName: resource.name,
          resourceType: resource.type,
          fixes: r.fixes ?? [],
          related: r.related ?? [],
          ...(r.undetermined ? { undetermined: true as const } : {}),
        });
      };
      try {
        rule.check({ resource, model, text, language: resource.language, report });
        findings.push(...own);
      } catch (error) {
        failures.push({
          file: model.file,
          level: 'warning',
          message: `Rule ${rule.id} failed on ${resource.name} and was skipped: ${error instanceof Error ? error.message : String(error)}`,
          span: resource.nameSpan,
        });
      }
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
  return { findings, failures };
}
