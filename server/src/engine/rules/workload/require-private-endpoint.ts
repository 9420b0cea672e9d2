// AI accounts, search services and ML workspaces are reached through a private endpoint somewhere in the workload.
import { workloadRule, type WorkloadRuleContext } from '../workloadRule';
import { AI_RESOURCE_TYPES, aiLabel, isProject, judgedAiResource, uncertainty } from './shared/resources';

export default workloadRule({
  id: 'require-private-endpoint',
  resourceTypes: AI_RESOURCE_TYPES,
  appliesTo: (resource) => !resource.existing && !isProject(resource),
  messages: {
    missing:
      '{{label}} "{{name}}" has no private endpoint: no private endpoint of the workload connects to it, so its clients reach the model and its data over a public endpoint.',
    undetermined: 'Could not determine whether {{label}} "{{name}}" has a private endpoint: {{reason}}.',
  },
  fixable: false,
  checkWorkload(ctx: WorkloadRuleContext): void {
    for (const node of ctx.graph.nodes) {
      if (!judgedAiResource(node) || ctx.graph.to(node.id, 'privateEndpoint').length > 0) continue;
      const label = aiLabel(node.resource);
      const unsure = uncertainty(ctx, node, 'privateEndpoint');
      if (unsure) ctx.report({ messageId: 'undetermined', node, data: { label, reason: unsure.reason }, related: unsure.related, undetermined: true });
      else ctx.report({ messageId: 'missing', node, data: { label } });
    }
  },
});
