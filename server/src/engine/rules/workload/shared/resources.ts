// The resources workload rules judge, their labels, and how they read the graph; a subfolder, so the parity test does not take it for a rule.
import { isAiAccount, isDiagnosticSetting, isMlWorkspace, isPrivateEndpoint, isSearchService } from '../../../graph/kinds';
import type { GraphNode } from '../../../graph/types';
import type { Resource } from '../../../model/types';
import type { RelatedLocation } from '../../../types';
import { accountLabel } from '../../ai/shared/resources';
import { isType, TF_PROJECT, workspaceKind, workspaceLabel } from '../../ml/shared/resources';
import { webAppLabel } from '../../platform/shared/resources';
import { isBroken, type WorkloadRuleContext } from '../../workloadRule';

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

/**
 * A resource a workload rule judges: declared here (not `existing`), parsing cleanly (a broken one's findings are held
 * back), an AI resource, not a Foundry project.
 */
export function judgedAiResource(node: GraphNode): boolean {
  return !node.existing && !isBroken(node) && (isAiAccount(node.type) || isSearchService(node.type) || isMlWorkspace(node.type)) && !isProject(node.resource);
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
 * The declarations that do not parse and could be a connection of this kind to any resource: private endpoints (or
 * diagnostic settings) with a parse error inside and no target read from them. One whose target was read connects that
 * target only (an endpoint connects one resource, a setting monitors one), so it leaves the others' findings standing.
 */
export function brokenConnections(ctx: WorkloadRuleContext, kind: 'privateEndpoint' | 'diagnostics'): GraphNode[] {
  // Asked once per AI resource: scanning every node each time made a 5,000-file workspace quadratic, so it is kept per graph.
  let byKind = BROKEN_CONNECTIONS.get(ctx.graph);
  if (!byKind) BROKEN_CONNECTIONS.set(ctx.graph, (byKind = new Map()));
  let found = byKind.get(kind);
  if (!found) {
    const isSource = kind === 'privateEndpoint' ? isPrivateEndpoint : isDiagnosticSetting;
    found = ctx.graph.nodes.filter((n) => isSource(n.type) && isBroken(n) && !ctx.graph.from(n.id, kind).some((e) => e.to !== undefined || e.external));
    byKind.set(kind, found);
  }
  return found;
}

/** `brokenConnections` per graph (a graph never changes once built) and kind. */
const BROKEN_CONNECTIONS = new WeakMap<WorkloadRuleContext['graph'], Map<'privateEndpoint' | 'diagnostics', GraphNode[]>>();

/**
 * Why a rule cannot tell whether something points at `node`: a declaration of this kind that does not parse (it may be
 * the one), an edge of this kind whose target the code does not determine, or a module the engine does not read that is
 * given a reference to the node. Undefined when none.
 */
export function uncertainty(ctx: WorkloadRuleContext, node: GraphNode, kind: 'privateEndpoint' | 'diagnostics'): { reason: string; related: RelatedLocation[] } | undefined {
  const noun = kind === 'privateEndpoint' ? 'private endpoint' : 'diagnostic setting';
  const broken = brokenConnections(ctx, kind);
  if (broken.length > 0) {
    return {
      reason: `${noun} "${broken[0]!.resource.name}" does not parse, so the resource it ${kind === 'privateEndpoint' ? 'connects' : 'monitors'} is not known until it does`,
      related: broken.map((n) => ({ file: n.file, span: n.nameSpan, message: `This ${noun} does not parse.` })),
    };
  }
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
