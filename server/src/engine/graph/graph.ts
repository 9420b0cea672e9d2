// The workload graph: which deployed resources refer to which, across every file of a workspace, with typed edges.
import type { EdgeKind, GraphEdge, GraphNode, OpaqueNode } from './types';

/**
 * Nodes are deployed resources (one per resource declaration and evaluated instance); edges are references between
 * them, typed (`privateEndpoint`, `diagnostics`, `roleAssignment`, `customerManagedKey`, `keyAccess`, `parent`,
 * `reference`) and placed at the referring property. Immutable once built; queries are indexed.
 */
export class WorkloadGraph {
  private readonly byId: ReadonlyMap<string, GraphNode>;
  private readonly outgoing = new Map<string, GraphEdge[]>();
  private readonly incoming = new Map<string, GraphEdge[]>();

  constructor(
    readonly nodes: readonly GraphNode[],
    readonly edges: readonly GraphEdge[],
    readonly opaque: readonly OpaqueNode[],
  ) {
    this.byId = new Map(nodes.map((n) => [n.id, n]));
    for (const edge of edges) {
      this.outgoing.set(edge.from, [...(this.outgoing.get(edge.from) ?? []), edge]);
      if (edge.to !== undefined) this.incoming.set(edge.to, [...(this.incoming.get(edge.to) ?? []), edge]);
    }
  }

  /** The node with this id. */
  node(id: string): GraphNode | undefined {
    return this.byId.get(id);
  }

  /** Edges that start at a node, optionally of one kind. */
  from(id: string, kind?: EdgeKind): GraphEdge[] {
    const edges = this.outgoing.get(id) ?? [];
    return kind ? edges.filter((e) => e.kind === kind) : edges;
  }

  /** Edges that end at a node (existing resources matched to it included), optionally of one kind. */
  to(id: string, kind?: EdgeKind): GraphEdge[] {
    const edges = this.incoming.get(id) ?? [];
    return kind ? edges.filter((e) => e.kind === kind) : edges;
  }

  /** Edges of one kind whose target the code does not determine. */
  unresolved(kind: EdgeKind): GraphEdge[] {
    return this.edges.filter((e) => e.kind === kind && e.to === undefined && !e.external);
  }

  /** Opaque modules whose arguments refer to a node. */
  opaqueReferring(id: string): OpaqueNode[] {
    return this.opaque.filter((o) => o.refers.includes(id));
  }
}
