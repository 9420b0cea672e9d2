// The workload map's plain model: one box per declared resource, typed connections, and the groups they sit in.
import type { ReviewLocation } from '../review/types';
import type { Severity } from '../types';

/** What a resource is for, as the map groups, orders and labels it. */
export type MapCategory =
  | 'gateway'
  | 'app'
  | 'ai'
  | 'search'
  | 'ml'
  | 'model'
  | 'compute'
  | 'data'
  | 'security'
  | 'monitoring'
  | 'network'
  | 'cost'
  | 'module'
  | 'other';

/**
 * Whether a resource can be reached from the public internet, read from the code:
 * `public` public network access on (or left at its default, on) and no private endpoint connects to it;
 * `private` public access off, or reached through a private endpoint; `restricted` public access on behind a firewall that
 * denies by default; `unknown` the code does not say (a parameter, or a private endpoint or module whose target is not known).
 */
export type Exposure = 'public' | 'private' | 'restricted' | 'unknown';

/** The findings on one resource: how many of each severity, and the worst. */
export interface MapFindings {
  count: number;
  worst: Severity | undefined;
  error: number;
  warning: number;
  note: number;
}

/** One resource of the workload (every instance and loop copy of one declaration share a box), or a module not analysed. */
export interface MapNode {
  /** Stable within a map: `<file>#<symbolic name or address>`, or `<file>#module:<name>` for a module not analysed. */
  id: string;
  /** The symbolic name (Bicep) or address (Terraform) the code declares it under. */
  name: string;
  /** The name the box shows: the symbolic name, or a Terraform address without its type (`openai` for `azurerm_cognitive_account.openai`). */
  label: string;
  /** The deployed name, when the code states it. */
  azureName?: string;
  type: string;
  category: MapCategory;
  /** What it is, as a person says it: `Azure OpenAI account`, `Model deployment`, `Key Vault`. */
  kindLabel: string;
  group: string;
  location: ReviewLocation;
  findings: MapFindings;
  /** Undefined for resources without a public endpoint of their own (deployments, plans, identities, …). */
  exposure?: Exposure;
  /** Private endpoints of the workload that connect to it. */
  privateEndpoints: number;
  /** Deployed copies across loops and module instances, when the code tells; 1 otherwise. */
  copies: number;
  /** Declared elsewhere (`existing`, a data source) and not found in the workspace. */
  existing: boolean;
  /** Behind a condition the code does not resolve: it may not be deployed. */
  conditional: boolean;
}

/** What a connection on the map means. Connector resources (private endpoints, diagnostic settings, role assignments) are drawn as connections. */
export type MapEdgeKind = 'parent' | 'privateEndpoint' | 'diagnostics' | 'roleAssignment' | 'customerManagedKey' | 'keyAccess' | 'reference' | 'module';

export interface MapEdge {
  from: string;
  to: string;
  kind: MapEdgeKind;
  /** A detail worth a tooltip: the role granted (by name when it is a known built-in role), the sub-resource a private endpoint connects. */
  detail?: string;
}

/** A box around resources: a module (a Bicep file, a Terraform folder) or, when there is one module only, a category. */
export interface MapGroup {
  id: string;
  label: string;
}

/** The map of a workload, ready to lay out and render. Plain and JSON-serialisable. */
export interface WorkloadMap {
  groupBy: 'module' | 'category';
  groups: MapGroup[];
  nodes: MapNode[];
  edges: MapEdge[];
}
