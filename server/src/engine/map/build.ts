// Builds the workload map from the workload graph and the findings: boxes for resources, connections for what joins them.
import type { WorkloadGraph } from '../graph/graph';
import type { EdgeKind, GraphNode } from '../graph/types';
import { roleLabel } from '../graph/roles';
import type { ReviewLocation } from '../review/types';
import { SEVERITY_RANK, type Finding, type Span } from '../types';
import { exposureOf } from './exposure';
import { CATEGORY_TIERS, CATEGORY_TITLES, placementOf } from './kinds';
import type { MapCategory, MapEdge, MapEdgeKind, MapFindings, MapGroup, MapNode, WorkloadMap } from './types';

/** What the map is built from. */
export interface MapInput {
  /** One graph per workspace analysed together (the editor analyses each workspace folder on its own). */
  graphs: readonly WorkloadGraph[];
  /** The findings to show: the ones the review reports (settings and suppressions applied). */
  findings: readonly Finding[];
  /** Places a span of a file (line and column for links); the review's locator. */
  locate(file: string, span: Span): ReviewLocation;
  /**
   * `module`: a box per Bicep file or Terraform folder; `category`: a box per kind of resource; `auto` (default): by module
   * when there are several, else by category, so that a one-file workload is still grouped.
   */
  groupBy?: 'auto' | 'module' | 'category';
}

/** A declaration on the map and the graph nodes (instances, parameter files) that stand for it. */
interface Entry {
  key: string;
  file: string;
  name: string;
  type: string;
  connector: boolean;
  category: MapCategory;
  kindLabel: string;
  nodes: Array<{ graph: WorkloadGraph; node: GraphNode }>;
  span: Span;
  moduleSource?: string;
}

/** Subnets and virtual networks, in ARM and azurerm terms: where a private endpoint sits. */
const NETWORK_SEATS = /^microsoft\.network\/virtualnetworks(\/subnets)?$|^azurerm_(subnet|virtual_network)$/;

const EDGE_KINDS: Readonly<Record<EdgeKind, MapEdgeKind>> = {
  parent: 'parent',
  privateEndpoint: 'privateEndpoint',
  diagnostics: 'diagnostics',
  roleAssignment: 'roleAssignment',
  customerManagedKey: 'customerManagedKey',
  keyAccess: 'keyAccess',
  reference: 'reference',
};

/**
 * The map of a workload. One box per declaration (the instances of a module called twice, the deployments of two parameter
 * files and the copies of a loop share it); private endpoints, diagnostic settings and role assignments become connections
 * between the resources they join; resource groups are left out (every azurerm resource names one). Pure and deterministic.
 */
export function buildMap(input: MapInput): WorkloadMap {
  const entries = new Map<string, Entry>();
  // A graph node's entry, by graph and node id; an existing resource matched to a declaration is that declaration.
  const entryOf = new Map<WorkloadGraph, Map<string, string>>();
  for (const graph of input.graphs) {
    const ids = new Map<string, string>();
    entryOf.set(graph, ids);
    for (const node of graph.nodes) {
      if (node.declaredAs) continue;
      const placement = placementOf(node.resource);
      if (placement.show === 'hidden') continue;
      // Something declared elsewhere only earns a box when it is a known part of a workload.
      if (node.existing && (placement.show !== 'node' || placement.category === 'other')) continue;
      const key = `${node.file}#${node.resource.name}`;
      ids.set(node.id, key);
      let entry = entries.get(key);
      if (!entry) {
        entry = {
          key,
          file: node.file,
          name: node.resource.name,
          type: node.type,
          connector: placement.show === 'connector',
          category: placement.show === 'node' ? placement.category : 'other',
          kindLabel: placement.show === 'node' ? placement.label : '',
          nodes: [],
          span: node.nameSpan,
        };
        entries.set(key, entry);
      }
      entry.nodes.push({ graph, node });
    }
    for (const node of graph.nodes) if (node.declaredAs && ids.has(node.declaredAs)) ids.set(node.id, ids.get(node.declaredAs)!);
    for (const opaque of graph.opaque) {
      const key = `${opaque.file}#module:${opaque.name}`;
      ids.set(opaque.id, key);
      if (!entries.has(key)) {
        entries.set(key, { key, file: opaque.file, name: opaque.name, type: 'module', connector: false, category: 'module', kindLabel: 'Module not analysed', nodes: [], span: opaque.span, moduleSource: opaque.source });
      }
    }
  }

  const edges = new Map<string, MapEdge>();
  const addEdge = (edge: MapEdge): void => {
    if (edge.from === edge.to) return;
    const key = `${edge.kind}|${edge.from}|${edge.to}`;
    if (!edges.has(key)) edges.set(key, edge);
  };
  // A connector's own targets (what it connects, monitors or grants on) and the other resources it names.
  const connectorTargets = new Map<string, Array<{ to: string; kind: EdgeKind; detail?: string }>>();
  const connectorOthers = new Map<string, Set<string>>();
  const isConnector = (key: string): boolean => entries.get(key)?.connector === true;
  for (const graph of input.graphs) {
    const ids = entryOf.get(graph)!;
    for (const edge of graph.edges) {
      if (edge.to === undefined) continue;
      const from = ids.get(edge.from);
      const to = ids.get(edge.to);
      if (from === undefined || to === undefined) continue;
      if (isConnector(from)) {
        if (edge.kind === 'reference' || edge.kind === 'parent') {
          if (!isConnector(to)) connectorOthers.set(from, (connectorOthers.get(from) ?? new Set()).add(to));
        } else {
          // A role granted by its definition GUID (as Bicep names it) is shown by its name when it is a known built-in role.
          const detail = (edge.details.role !== undefined ? roleLabel(edge.details.role) : undefined) ?? edge.details.groupIds?.join(', ');
          const targets = connectorTargets.get(from) ?? [];
          connectorTargets.set(from, targets);
          targets.push({ to, kind: edge.kind, ...(detail ? { detail } : {}) });
        }
        continue;
      }
      if (isConnector(to)) continue;
      addEdge({ from, to, kind: EDGE_KINDS[edge.kind] });
    }
    for (const opaque of graph.opaque) for (const target of opaque.refers) {
      const to = ids.get(target);
      if (to !== undefined && !isConnector(to)) addEdge({ from: ids.get(opaque.id)!, to, kind: 'module' });
    }
  }
  for (const [connector, targets] of connectorTargets) {
    const others = [...(connectorOthers.get(connector) ?? [])].sort();
    for (const target of targets) {
      for (const other of others) {
        if (other === target.to) continue;
        const detail = target.detail ? { detail: target.detail } : {};
        // A private endpoint joins a network to a resource; a diagnostic setting sends a resource's logs to a destination;
        // a role assignment grants the identity it names a role on its scope.
        if (target.kind === 'privateEndpoint') {
          // Its DNS zones are plumbing; the subnet (or network) it sits in is where clients come from.
          if (NETWORK_SEATS.test(entries.get(other)!.type.toLowerCase())) addEdge({ from: other, to: target.to, kind: 'privateEndpoint', ...detail });
        } else if (target.kind === 'diagnostics') addEdge({ from: target.to, to: other, kind: 'diagnostics' });
        else if (target.kind === 'roleAssignment') addEdge({ from: other, to: target.to, kind: 'roleAssignment', ...detail });
      }
    }
  }
  // A plain reference alongside a typed connection between the same two resources says nothing more.
  const typed = new Set([...edges.values()].filter((e) => e.kind !== 'reference').map((e) => `${e.from}|${e.to}`));
  const mapEdges = [...edges.values()].filter((e) => e.kind !== 'reference' || !typed.has(`${e.from}|${e.to}`));

  // Findings count on their resource's box; a finding on a connector counts on the resources it connects.
  const findings = new Map<string, Finding[]>();
  for (const finding of input.findings) {
    const key = `${finding.file}#${finding.resourceName}`;
    const entry = entries.get(key);
    if (!entry) continue;
    const owners = entry.connector ? [...new Set((connectorTargets.get(key) ?? []).map((t) => t.to))] : [key];
    for (const owner of owners) {
      const list = findings.get(owner) ?? [];
      findings.set(owner, list);
      list.push(finding);
    }
  }

  const shown = [...entries.values()].filter((e) => !e.connector).sort((a, b) => compare(a.file, b.file) || a.span.start - b.span.start || compare(a.name, b.name));
  const moduleOf = (entry: Entry): string => (entry.file.endsWith('.tf') || entry.file.endsWith('.tfvars') ? folderOf(entry.file) : entry.file);
  const modules = [...new Set(shown.map(moduleOf))];
  const groupBy = input.groupBy === 'module' || input.groupBy === 'category' ? input.groupBy : modules.length > 1 ? 'module' : 'category';
  const categoryOrder = CATEGORY_TIERS.flat();
  const groups: MapGroup[] =
    groupBy === 'module'
      ? modules.map((m) => ({ id: `module:${m}`, label: m.endsWith('.bicep') ? m : `${m}/` }))
      : categoryOrder.filter((c) => shown.some((e) => e.category === c)).map((c) => ({ id: `category:${c}`, label: CATEGORY_TITLES[c] }));

  const nodes: MapNode[] = shown.map((entry) => {
    const graphNodes = entry.nodes.map((n) => n.node);
    const first = graphNodes[0];
    const node: MapNode = {
      id: entry.key,
      name: entry.name,
      label: labelOf(entry),
      type: entry.moduleSource ?? entry.type,
      category: entry.category,
      kindLabel: entry.kindLabel,
      group: groupBy === 'module' ? `module:${moduleOf(entry)}` : `category:${entry.category}`,
      location: input.locate(entry.file, entry.span),
      findings: tally(findings.get(entry.key) ?? []),
      privateEndpoints: entry.nodes.reduce((n, { graph, node: g }) => n + graph.to(g.id, 'privateEndpoint').length, 0),
      copies: Math.max(1, ...graphNodes.map((n) => n.copies.length)),
      existing: graphNodes.length > 0 && graphNodes.every((n) => n.existing),
      conditional: graphNodes.some((n) => n.conditional),
    };
    const azureName = first?.name;
    if (azureName !== undefined && azureName !== node.label) node.azureName = azureName;
    const exposure = entry.nodes.length > 0 ? exposureOf(entry.nodes[0]!.graph, graphNodes) : undefined;
    if (exposure) node.exposure = exposure;
    return node;
  });
  const ids = new Set(nodes.map((n) => n.id));
  const keptEdges = mapEdges.filter((e) => ids.has(e.from) && ids.has(e.to)).sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to) || compare(a.kind, b.kind));
  return { groupBy, groups, nodes, edges: keptEdges };
}

function tally(findings: readonly Finding[]): MapFindings {
  const out: MapFindings = { count: findings.length, worst: undefined, error: 0, warning: 0, note: 0 };
  for (const finding of findings) {
    out[finding.severity]++;
    if (!out.worst || SEVERITY_RANK[finding.severity] > SEVERITY_RANK[out.worst]) out.worst = finding.severity;
  }
  return out;
}

/** A Terraform address without its resource type (`azurerm_key_vault.main` → `main`, `module.ai.azurerm_x.y` → `module.ai.y`). */
function labelOf(entry: Entry): string {
  if (entry.moduleSource !== undefined || !entry.nodes.some((n) => n.node.language === 'terraform')) return entry.name;
  const parts = entry.name.split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === 'module' && i + 1 < parts.length) out.push(part, parts[++i]!);
    // `data.azurerm_x.y` and `azurerm_x.y`: a resource type always holds an underscore after its provider's name.
    else if (part === 'data' && i + 2 < parts.length) i++;
    else if (/^[a-z][a-z0-9]*_[a-z0-9_]+$/.test(part) && i + 1 < parts.length) continue;
    else out.push(part);
  }
  return out.length > 0 ? out.join('.') : entry.name;
}

function folderOf(file: string): string {
  const at = file.lastIndexOf('/');
  return at === -1 ? '.' : file.slice(0, at);
}

/** Code-unit order, so the map is the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
