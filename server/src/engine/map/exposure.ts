// Judges whether a resource is reachable from the public internet: public network access on and no private endpoint to it.
import type { WorkloadGraph } from '../graph/graph';
import { armType } from '../graph/kinds';
import type { GraphNode } from '../graph/types';
import type { Resource } from '../model/types';
import { publicReach } from '../rules/ai/shared/resources';
import { lookup } from '../rules/helpers/lookup';
import type { Exposure } from './types';

/**
 * Resource types with a public endpoint of their own, governed by `publicNetworkAccess` (ARM) or
 * `public_network_access_enabled` (azurerm), which is on when the code leaves it out: the reading `publicReach` does for the rules.
 */
const PUBLIC_ENDPOINT_TYPES = new Set([
  'microsoft.cognitiveservices/accounts',
  'microsoft.search/searchservices',
  'microsoft.machinelearningservices/workspaces',
  'microsoft.storage/storageaccounts',
  'microsoft.keyvault/vaults',
  'microsoft.documentdb/databaseaccounts',
  'microsoft.containerregistry/registries',
  'azurerm_container_registry',
]);

/**
 * Where a firewall's default action lives, as the network rules read it (`no-storage-public-network-access`,
 * `no-key-vault-public-network-access`, `require-network-acls-deny`): a firewall that denies by default admits only the
 * networks it lists, so the resource is not open to the whole internet.
 */
const DEFAULT_ACTION: Readonly<Record<'bicep' | 'terraform', readonly (readonly string[])[]>> = {
  bicep: [['properties', 'networkAcls', 'defaultAction']],
  terraform: [['network_acls', 'default_action'], ['network_rules', 'default_action']],
};

/** True for a resource the map judges for public exposure. */
export function hasPublicEndpoint(resource: Resource): boolean {
  return PUBLIC_ENDPOINT_TYPES.has(armType(resource.type)) || PUBLIC_ENDPOINT_TYPES.has(resource.type.toLowerCase());
}

/**
 * The exposure of the nodes that stand for one declaration (each instance and copy), or undefined for a resource without a
 * public endpoint. Public on any one of them makes the declaration public; a private endpoint counts for the node it reaches.
 */
export function exposureOf(graph: WorkloadGraph, nodes: readonly GraphNode[]): Exposure | undefined {
  const first = nodes[0];
  if (!first || first.existing || !hasPublicEndpoint(first.resource)) return undefined;
  const each = nodes.map((node) => nodeExposure(graph, node));
  for (const worst of ['public', 'unknown', 'restricted'] as const) if (each.includes(worst)) return worst;
  return 'private';
}

/** Whether a graph has a private endpoint whose target the code does not determine; asked once per graph, not per node. */
const undeterminedEndpoints = new WeakMap<WorkloadGraph, boolean>();

function hasUndeterminedEndpoint(graph: WorkloadGraph): boolean {
  let known = undeterminedEndpoints.get(graph);
  if (known === undefined) undeterminedEndpoints.set(graph, (known = graph.unresolved('privateEndpoint').length > 0));
  return known;
}

function nodeExposure(graph: WorkloadGraph, node: GraphNode): Exposure {
  if (graph.to(node.id, 'privateEndpoint').length > 0) return 'private';
  // An azapi resource carries its ARM body, which reads as Bicep does.
  const reach = publicReach(node.resource.azapi ? { ...node.resource, language: 'bicep' } : node.resource);
  if (reach === 'private') return 'private';
  if (firewallDenies(node.resource)) return 'restricted';
  if (reach === 'unknown') return 'unknown';
  // A private endpoint whose target the code does not determine, or a module not analysed that is handed this resource,
  // may connect one: then the map cannot say it is public (the rule `require-private-endpoint` says the same).
  if (hasUndeterminedEndpoint(graph) || graph.opaqueReferring(node.id).length > 0) return 'unknown';
  return 'public';
}

function firewallDenies(resource: Resource): boolean {
  const block = resource.language === 'terraform' && !resource.azapi;
  const paths = block ? DEFAULT_ACTION.terraform : DEFAULT_ACTION.bicep;
  return paths.some((path) => {
    const found = lookup(resource.body, path, resource.language, block);
    return found.state === 'known' && found.value.kind === 'string' && found.value.value.toLowerCase() === 'deny';
  });
}
