// The resources workload rules judge, their labels, and how they read the graph; a subfolder, so the parity test does not take it for a rule.
import { isAiAccount, isMlWorkspace, isSearchService } from '../../../graph/kinds';
import type { GraphNode } from '../../../graph/types';
import type { Resource } from '../../../model/types';
import type { RelatedLocation } from '../../../types';
import { accountLabel } from '../../ai/shared/resources';
import { isType, TF_PROJECT, workspaceKind, workspaceLabel } from '../../ml/shared/resources';
import { webAppLabel } from '../../platform/shared/resources';
import type { WorkloadRuleContext } from '../../workloadRule';

/** AI accounts, search services and ML workspaces (hubs included), in Bicep, azurerm and azapi. */
export const AI_RESOURCE_TYPES = {
  bicep: ['Microsoft.CognitiveServices/accounts', 'Microsoft.Search/searchServices', 'Microsoft.MachineLearningServices/workspaces'],
  terraform: [
    'azurerm_cognitive_account',
    'azurerm_ai_services',
    'azurerm_search_service',
    'azurerm_machine_learning_workspace',
    'azurerm_ai_foundry',
    'Microsoft.CognitiveServices/accounts',
    'Microsoft.Search/searchServices',
    'Microsoft.MachineLearningServices/workspaces',
  ],
} as const;

/** Accounts and search services: the resources whose API keys an app can be given. */
export const KEYED_TYPES = {
  bicep: ['Microsoft.CognitiveServices/accounts', 'Microsoft.Search/searchServices'],
  terraform: ['azurerm_cognitive_account', 'azurerm_ai_services', 'azurerm_search_service', 'Microsoft.CognitiveServices/accounts', 'Microsoft.Search/searchServices'],
} as const;

/** A Foundry project shares its hub's network and logs, so the hub is the one judged. */
export function isProject(resource: Resource): boolean {
  return isType(resource, TF_PROJECT) || (isMlWorkspace(resource.type) && workspaceKind(resource) === 'project');
}

/** A resource a workload rule judges: declared here (not `existing`), an AI resource, not a Foundry project. */
export function judgedAiResource(node: GraphNode): boolean {
  return !node.existing && (isAiAccount(node.type) || isSearchService(node.type) || isMlWorkspace(node.type)) && !isProject(node.resource);
}

/** `Azure OpenAI account`, `Azure AI Search service`, `Azure AI Foundry hub`, … */
export function aiLabel(resource: Resource): string {
  if (isAiAccount(resource.type)) return accountLabel(resource);
  if (isSearchService(resource.type)) return 'Azure AI Search service';
  if (isMlWorkspace(resource.type)) return workspaceLabel(resource);
  return resource.type;
}

/** A human name for any resource that may consume a key: apps, container apps, Key Vault secrets, else its type. */
export function consumerLabel(resource: Resource): string {
  const type = resource.type.toLowerCase();
  if (type === 'microsoft.web/sites' || /^azurerm_(linux|windows)_(web|function)_app$/.test(type)) return webAppLabel(resource);
  if (type === 'microsoft.web/sites/config') return 'App settings';
  if (type === 'microsoft.app/containerapps' || type === 'azurerm_container_app') return 'Container app';
  if (type === 'microsoft.keyvault/vaults/secrets' || type === 'azurerm_key_vault_secret') return 'Key Vault secret';
  if (type === 'microsoft.apimanagement/service/namedvalues' || type === 'azurerm_api_management_named_value') return 'API Management named value';
  return `Resource of type \`${resource.type}\``;
}

/**
 * Why a rule cannot tell whether something points at `node`: an edge of this kind whose target the code does not
 * determine, or a module the engine does not read that is given a reference to the node. Undefined when neither.
 */
export function uncertainty(ctx: WorkloadRuleContext, node: GraphNode, kind: 'privateEndpoint' | 'diagnostics'): { reason: string; related: RelatedLocation[] } | undefined {
  const noun = kind === 'privateEndpoint' ? 'private endpoint' : 'diagnostic setting';
  const unresolved = ctx.graph.unresolved(kind);
  if (unresolved.length > 0) {
    const source = ctx.graph.node(unresolved[0]!.from);
    return {
      reason: `${noun} "${source?.resource.name ?? unresolved[0]!.from}" targets a resource the code does not determine`,
      related: unresolved.map((e) => ({ file: e.file, span: e.span, message: `This ${noun}'s target is not known from the code.` })),
    };
  }
  const opaque = ctx.graph.opaqueReferring(node.id);
  if (opaque.length > 0) {
    const first = opaque[0]!;
    return {
      reason: `module \`${first.name}\` (\`${first.source}\`), which is not analysed, is given a reference to it and may declare one`,
      related: opaque.map((o) => ({ file: o.file, span: o.span, message: `Module \`${o.name}\` is not analysed.` })),
    };
  }
  return undefined;
}
