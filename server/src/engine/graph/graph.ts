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
  /** Queries the workload rules repeat for every node, answered once: a filter over every edge per node was quadratic. */
  private readonly unresolvedByKind = new Map<EdgeKind, GraphEdge[]>();
  private opaqueByNode: Map<string, OpaqueNode[]> | undefined;

  constructor(
    readonly nodes: readonly GraphNode[],
    readonly edges: readonly GraphEdge[],
    readonly opaque: readonly OpaqueNode[],
  ) {
    this.byId = new Map(nodes.map((n) => [n.id, n]));
    for (const edge of edges) {
      append(this.outgoing, edge.from, edge);
      if (edge.to !== undefined) append(this.incoming, edge.to, edge);
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
    let edges = this.unresolvedByKind.get(kind);
    if (!edges) {
      edges = this.edges.filter((e) => e.kind === kind && e.to === undefined && !e.external);
      this.unresolvedByKind.set(kind, edges);
    }
    // A copy: the caller may sort or extend what it gets, as it could before the answer was kept.
    return [...edges];
  }

  /** Opaque modules whose arguments refer to a node. */
  opaqueReferring(id: string): OpaqueNode[] {
    if (!this.opaqueByNode) {
      this.opaqueByNode = new Map();
      for (const o of this.opaque) for (const ref of new Set(o.refers)) append(this.opaqueByNode, ref, o);
    }
    return [...(this.opaqueByNode.get(id) ?? [])];
  }
}

/** Adds a value to the list under a key; in place, as copying the list per edge made busy nodes quadratic. */
function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
