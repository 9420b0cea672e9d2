// The workload graph's plain types: deployed resources as nodes, typed references between them as edges.
import type { Language, Resource } from '../model/types';
import type { Span } from '../types';

/** One deployed resource of one evaluated instance (a loop's copies share one node). */
export interface GraphNode {
  /** `<instance>#<symbolic name or Terraform address>`: unique across the workspace and stable while the instance lives. */
  id: string;
  instance: string;
  /** The resource as evaluated (its first copy, for a loop). */
  resource: Resource;
  /** Every evaluated copy (one per known loop item). */
  copies: Resource[];
  language: Language;
  /** `Microsoft.CognitiveServices/accounts`, `azurerm_private_endpoint`, … */
  type: string;
  file: string;
  span: Span;
  nameSpan: Span;
  /** The resource's evaluated `name`, when known. */
  name?: string;
  /** Bicep `existing`, Terraform `data`: declared elsewhere. */
  existing: boolean;
  /** True when a condition (`if`, `count`) that could not be determined may leave it undeployed. */
  conditional: boolean;
  /** For an `existing` resource or data source matched by type and name to a resource declared here: that node's id. */
  declaredAs?: string;
}

/** A module the engine did not evaluate (registry, remote, missing): an opaque node that its arguments refer to. */
export interface OpaqueNode {
  id: string;
  instance: string;
  /** `ai` or `module.ai`. */
  name: string;
  source: string;
  file: string;
  span: Span;
  /** Nodes its arguments refer to. */
  refers: string[];
}

/** What a reference between two resources means. */
export type EdgeKind =
  /** A child resource to its parent (Bicep `parent:`/nesting, `cognitive_account_id`, `parent_id`). */
  | 'parent'
  /** A private endpoint to the resource it connects (`privateLinkServiceId`, `private_connection_resource_id`). */
  | 'privateEndpoint'
  /** A diagnostic setting to the resource it monitors (`scope:`, `target_resource_id`). */
  | 'diagnostics'
  /** A role assignment to its scope (`scope:`, `scope =`). */
  | 'roleAssignment'
  /** A resource encrypted with a customer-managed key to the Key Vault that holds the key. */
  | 'customerManagedKey'
  /** A resource whose configuration receives an access key or connection string of the target (`listKeys()`, `.primary_access_key`). */
  | 'keyAccess'
  /** Any other reference. */
  | 'reference';

/** What an edge says beyond its kind. */
export interface EdgeDetails {
  /** Private endpoint: the sub-resources it connects (`groupIds`, `subresource_names`), when known. */
  groupIds?: string[];
  /** Diagnostic setting: the log categories and category groups it enables; `logsUnknown` when the code does not say. */
  categories?: string[];
  categoryGroups?: string[];
  logsUnknown?: boolean;
  /** Role assignment: the role's name or definition id (a GUID), when known. */
  role?: string;
  /** Customer-managed key: the key's node, when the key is a resource of its own. */
  key?: string;
  /** Customer-managed key set by a separate resource (`azurerm_cognitive_account_customer_managed_key`): that node. */
  via?: string;
}

/**
 * One reference from a resource to another. `file` and `span` are the referring property (a finding about the wiring
 * points there). `to` is undefined when the target could not be determined from the code; `external` then says the
 * target is named but declared outside the workspace.
 */
export interface GraphEdge {
  kind: EdgeKind;
  from: string;
  to: string | undefined;
  file: string;
  span: Span;
  /** The referring property's path in the source resource, e.g. `properties.privateLinkServiceConnections[0].properties.privateLinkServiceId`. */
  path: string;
  /** What is read of the target: `id`, `listKeys().key1`, `primary_access_key`, … */
  attribute: string;
  /** True when the reference leads to an opaque module rather than a resource. */
  opaque?: true;
  external?: true;
  details: EdgeDetails;
}
