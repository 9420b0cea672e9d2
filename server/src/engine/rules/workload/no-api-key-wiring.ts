// Apps do not receive the API keys of AI accounts or search services (`listKeys()`, `.primary_access_key`); they use an identity.
import { isAiAccount, isSearchService } from '../../graph/kinds';
import { workloadRule, type WorkloadRuleContext } from '../workloadRule';
import { aiLabel, consumerLabel, KEYED_TYPES } from './shared/resources';

/** Foundry connections that hold keys are judged by the ai family (`no-connection-key-auth`). */
const CONNECTION = /^microsoft\.cognitiveservices\/accounts\/(projects\/)?connections$|^azurerm_cognitive_account_connection_/i;

/** API Management named values (Bicep child type, azurerm resource). */
const NAMED_VALUE = /^microsoft\.apimanagement\/service\/namedvalues$|^azurerm_api_management_named_value$/i;

export default workloadRule({
  id: 'no-api-key-wiring',
  resourceTypes: KEYED_TYPES,
  appliesTo: (resource) => !resource.existing,
  messages: {
    wired:
      '{{consumer}} "{{name}}" is given an API key of {{label}} "{{target}}" (`{{attribute}}`): a shared key carries no identity and cannot be scoped or audited per caller. Give "{{name}}" a managed identity and a data-plane role on "{{target}}" instead.',
    wiredNamedValue:
      '{{consumer}} "{{name}}" is given an API key of {{label}} "{{target}}" (`{{attribute}}`): a shared key carries no identity and cannot be scoped or audited per caller. Give the API Management service that owns "{{name}}" a managed identity and a data-plane role on "{{target}}", and have its policy authenticate with that identity (`authentication-managed-identity`) instead of the key.',
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
        // A named value holds the key for its API Management service; the identity belongs to the service, not the value.
        messageId: NAMED_VALUE.test(source.type) ? 'wiredNamedValue' : 'wired',
        node: source,
        file: edge.file,
        at: edge.span,
        data: { consumer: consumerLabel(source.resource), label: aiLabel(target.resource), target: target.resource.name, attribute: edge.attribute },
        related: [{ file: target.file, span: target.nameSpan, message: `${aiLabel(target.resource)} "${target.resource.name}" is declared here.` }],
      });
    }
  },
});
