// The related location that names the principle a finding serves, pointing at the resource it is about.
import { ruleMeta } from '../catalog';
import type { FileModel } from '../model/types';
import { pillar, principle } from '../principles';
import type { Finding, RelatedLocation } from '../types';

/**
 * `Security principle: Reduce the attack surface through strict access and API design`, at the resource's name.
 * The editor lists it under the finding (in the Problems panel and the hover), so the message stays the rule's own
 * sentence, the same as the CLI prints, and one click leads from a setting deep in a body to the resource it belongs to.
 * Undefined for findings without a principle (those about suppression comments) or whose resource is not in the model.
 */
export function principleNote(finding: Finding, model: FileModel): RelatedLocation | undefined {
  const meta = ruleMeta(finding.ruleId);
  const main = meta && principle(meta.principles[0] ?? '');
  const resource = model.resources.find((r) => r.name === finding.resourceName);
  if (!meta || !main || !resource) return undefined;
  return { file: model.file, span: resource.nameSpan, message: `${pillar(main.pillar)?.title ?? main.pillar} principle: ${main.title}` };
}
