// Builds the "Suppress <rule> for this resource" fix: a comment line above the resource, in the file's own indentation.
import { indentAt, lineEnding } from '../fix/layout';
import type { FileModel } from '../model/types';
import type { Finding, Fix } from '../types';
import { linesOf } from './comments';
import { PLACEHOLDER_REASON, SUPPRESSION_KEYWORD, SUPPRESSION_RULE_ID } from './meta';

/**
 * The fix that silences one finding's rule on its resource: `// waf-ai-lens-ignore <rule>: TODO explain why` on a new
 * line above the declaration (above its decorators), `#` in Terraform as `terraform fmt` writes comments.
 * The placeholder reason keeps the comment valid while the finding about it (a note) asks for the real reason.
 * Never safe: a suppression hides a finding, so "fix all" must never write one.
 * Undefined for findings about suppressions and for findings whose resource is not in this file.
 */
export function suppressionFix(model: FileModel, text: string, finding: Finding): Fix | undefined {
  if (finding.ruleId === SUPPRESSION_RULE_ID || finding.file !== model.file) return undefined;
  const resource = model.resources.find((r) => r.name === finding.resourceName);
  if (!resource) return undefined;
  const lines = linesOf(text);
  const lineStart = lines.starts[lines.lineOf(resource.span.start)]!;
  const marker = model.language === 'terraform' ? '#' : '//';
  const comment = `${indentAt(text, resource.span.start)}${marker} ${SUPPRESSION_KEYWORD} ${finding.ruleId}: ${PLACEHOLDER_REASON}${lineEnding(text)}`;
  return { title: `Suppress ${finding.ruleId} for this resource`, edits: [{ span: { start: lineStart, end: lineStart }, text: comment }], safe: false };
}
