// AI accounts, search services and ML workspaces are reached through a private endpoint somewhere in the workload.
import type { Resource } from '../../model/types';
import { lookup } from '../helpers/lookup';
import { workloadRule, type WorkloadRuleContext } from '../workloadRule';
import { AI_RESOURCE_TYPES, aiLabel, isProject, judgedAiResource, uncertainty } from './shared/resources';

export default workloadRule({
  id: 'require-private-endpoint',
  resourceTypes: AI_RESOURCE_TYPES,
  appliesTo: (resource) => !resource.existing && !isProject(resource),
  messages: {
    missing:
      '{{label}} "{{name}}" has no private endpoint: no private endpoint of the workload connects to it, so its clients reach the model and its data over a public endpoint.',
    missingClosed:
      '{{label}} "{{name}}" has no private endpoint: no private endpoint of the workload connects to it, and its public network access is disabled, so no client can reach the model and its data until one is added (or public access is opened).',
    undetermined: 'Could not determine whether {{label}} "{{name}}" has a private endpoint: {{reason}}.',
  },
  fixable: false,
  checkWorkload(ctx: WorkloadRuleContext): void {
    for (const node of ctx.graph.nodes) {
      if (!judgedAiResource(node) || ctx.graph.to(node.id, 'privateEndpoint').length > 0) continue;
      const label = aiLabel(node.resource);
      const unsure = uncertainty(ctx, node, 'privateEndpoint');
      if (unsure) ctx.report({ messageId: 'undetermined', node, data: { label, reason: unsure.reason }, related: unsure.related, undetermined: true });
      else ctx.report({ messageId: publicAccessDisabled(node.resource) ? 'missingClosed' : 'missing', node, data: { label } });
    }
  },
});

/** `Disabled` closes the public endpoint (`SecuredByPerimeter` keeps it, behind a network security perimeter). */
const CLOSED = new Set(['disabled']);

/** True when the code disables the resource's public network access (then the missing endpoint is not a public exposure). */
function publicAccessDisabled(resource: Resource): boolean {
  const block = resource.language === 'terraform' && !resource.azapi;
  const paths = block ? [['public_network_access_enabled'], ['public_network_access']] : [['properties', 'publicNetworkAccess']];
  for (const path of paths) {
    const found = lookup(resource.body, path, resource.language, block);
    if (found.state !== 'known') continue;
    if (found.value.kind === 'bool') return !found.value.value;
    if (found.value.kind === 'string') return CLOSED.has(found.value.value.toLowerCase());
  }
  return false;
}
