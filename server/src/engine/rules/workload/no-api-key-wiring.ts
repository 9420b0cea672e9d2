// Apps do not receive the API keys of AI accounts or search services (`listKeys()`, `.primary_access_key`); they use an identity.
import { isAiAccount, isSearchService } from '../../graph/kinds';
import { workloadRule, type WorkloadRuleContext } from '../workloadRule';
import { aiLabel, consumerLabel, KEYED_TYPES } from './shared/resources';

/** Foundry connections that hold keys are judged by the ai family (`no-connection-key-auth`). */
const CONNECTION = /^microsoft\.cognitiveservices\/accounts\/(projects\/)?connections$|^azurerm_cognitive_account_connection_/i;

export default workloadRule({
  id: 'no-api-key-wiring',
  resourceTypes: KEYED_TYPES,
  appliesTo: (resource) => !resource.existing,
  messages: {
    wired:
      '{{consumer}} "{{name}}" is given an API key of {{label}} "{{target}}" (`{{attribute}}`): a shared key carries no identity and cannot be scoped or audited per caller. Give "{{name}}" a managed identity and a data-plane role on "{{target}}" instead.',
  },
  fixable: false,
  checkWorkload(ctx: WorkloadRuleContext): void {
    for (const edge of ctx.graph.edges) {
      if (edge.kind !== 'keyAccess' || edge.to === undefined) continue;
      const target = ctx.graph.node(edge.to);
      const source = ctx.graph.node(edge.from);
      if (!target || !source || source.id === target.id || CONNECTION.test(source.type)) continue;
      if (!isAiAccount(target.type) && !isSearchService(target.type)) continue;
      ctx.report({
        messageId: 'wired',
        node: source,
        file: edge.file,
        at: edge.span,
        data: { consumer: consumerLabel(source.resource), label: aiLabel(target.resource), target: target.resource.name, attribute: edge.attribute },
        related: [{ file: target.file, span: target.nameSpan, message: `${aiLabel(target.resource)} "${target.resource.name}" is declared here.` }],
      });
    }
  },
});
