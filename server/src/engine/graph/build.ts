// Builds the workload graph from evaluated instances: nodes for deployed resources, typed edges for their references.
import type { ObjectValue, Resource, Value } from '../model/types';
import { lookup } from '../rules/helpers/lookup';
import type { InstanceResult, ResolvedResource } from '../evaluate/types';
import { refsOf, type EV, type Ref } from '../evaluate/value';
import { armType, isCustomerManagedKeyResource, isDiagnosticSetting, isEncryptionPath, isKeyVault, isKeyVaultKey, isPrivateEndpoint, isRoleAssignment, readsKey } from './kinds';
import type { EdgeDetails, EdgeKind, GraphEdge, GraphNode, OpaqueNode } from './types';
import { WorkloadGraph } from './graph';

/** One live instance and the deployment it belongs to (instances of one root and parameter file share `root`). */
export interface GraphInstance {
  result: InstanceResult;
  root: string;
}

/** A resolved reference: the node it reaches and the attribute path it reads there. */
interface Target {
  node: string;
  path: readonly string[];
  opaque?: true;
}

const MAX_OUTPUT_HOPS = 16;

/** `azurerm` attributes that make a resource a child of another. */
const PARENT_ATTRIBUTES = new Set(['cognitive_account_id', 'machine_learning_workspace_id', 'ai_services_hub_id', 'parent_id', 'search_service_id', 'key_vault_id']);

/**
 * Builds the graph of every live instance. References resolve through module outputs (followed here, at link time),
 * `resourceId(…)` and literal resource ids (matched by type and name), and `existing` resources and data sources
 * (matched by type and name to a resource declared in the workspace, preferring the same deployment).
 */
export function buildGraph(instances: ReadonlyMap<string, GraphInstance>): WorkloadGraph {
  return new GraphBuilder(instances).build();
}

class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly copies = new Map<string, ResolvedResource[]>();
  private readonly opaque = new Map<string, OpaqueNode>();
  private readonly edges: GraphEdge[] = [];
  private readonly edgeKeys = new Set<string>();
  private readonly byName = new Map<string, GraphNode[]>();
  /** `byName` without the existing resources: what `declaredNamed` looks for, filtered once rather than per lookup. */
  private readonly declaredByName = new Map<string, GraphNode[]>();
  /** The other instances' results the instance being linked read (module calls and outputs), while `PARTS` records it. */
  private reads: Map<string, InstanceResult | undefined> | undefined;

  constructor(private readonly instances: ReadonlyMap<string, GraphInstance>) {}

  build(): WorkloadGraph {
    for (const { result } of this.instances.values()) {
      for (const copy of result.resources) {
        const id = `${result.id}#${copy.resource.name}`;
        const existing = this.nodes.get(id);
        if (existing) {
          existing.copies.push(copy.resource);
          this.copies.get(id)!.push(copy);
          continue;
        }
        const node: GraphNode = {
          id,
          instance: result.id,
          resource: copy.resource,
          copies: [copy.resource],
          language: copy.resource.language,
          type: copy.resource.type,
          file: copy.resource.file,
          span: copy.resource.span,
          nameSpan: copy.resource.nameSpan,
          existing: copy.resource.existing,
          conditional: copy.conditional,
        };
        if (copy.name?.kind === 'string') node.name = copy.name.value;
        this.nodes.set(id, node);
        this.copies.set(id, [copy]);
        if (node.name !== undefined) {
          // In place: copying the list per node was quadratic in the resources that share a name (a module deployed many times).
          const key = `${armType(node.type)}|${node.name.toLowerCase()}`;
          append(this.byName, key, node);
          if (!node.existing) append(this.declaredByName, key, node);
        }
      }
      for (const module of result.opaque) {
        const id = `${result.id}#module:${module.name}`;
        this.opaque.set(id, { id, instance: result.id, name: module.name, source: module.source, file: module.file, span: module.span, refers: [] });
      }
    }
    // Existing resources and data sources stand for the resource declared with the same type and name, if any.
    for (const node of this.nodes.values()) {
      if (!node.existing || node.name === undefined) continue;
      const declared = this.declaredNamed(node.type, node.name, node.instance);
      if (declared) node.declaredAs = declared.id;
    }
    // What an instance's links may depend on besides its own result and the instances it reads: see `PARTS`.
    const shape = shapeNumber(this.shape());
    // Instance by instance, in the order of their nodes (as the edges were always listed): what each links to is taken
    // from the last build when nothing it depended on changed, and worked out (and remembered) otherwise.
    const copiesOf = new Map<string, Array<[GraphNode, ResolvedResource[]]>>();
    for (const [id, copies] of this.copies) {
      const node = this.nodes.get(id)!;
      const list = copiesOf.get(node.instance);
      if (list) list.push([node, copies]);
      else copiesOf.set(node.instance, [[node, copies]]);
    }
    for (const { result } of this.instances.values()) {
      const part = PARTS.get(result);
      if (part && part.shape === shape && [...part.reads].every(([id, read]) => this.instances.get(id)?.result === read)) {
        for (const [id, refers] of part.refers) this.opaque.get(id)!.refers.push(...refers);
        for (const edge of part.edges) this.addEdge(edge);
        continue;
      }
      this.reads = new Map();
      const refers = new Map<string, string[]>();
      for (const module of result.opaque) {
        const id = `${result.id}#module:${module.name}`;
        const opaque = this.opaque.get(id)!;
        for (const ref of module.refs) for (const t of this.resolve(ref, 0)) if (!t.opaque && !opaque.refers.includes(t.node)) opaque.refers.push(t.node);
        refers.set(id, [...opaque.refers]);
      }
      const first = this.edges.length;
      for (const [node, copies] of copiesOf.get(result.id) ?? []) for (const copy of copies) this.edgesOf(node, copy);
      PARTS.set(result, { shape, reads: this.reads, refers, edges: this.edges.slice(first) });
      this.reads = undefined;
    }
    this.retargetKeys();
    return new WorkloadGraph([...this.nodes.values()], this.edges, [...this.opaque.values()]);
  }

  /**
   * Everything about the workspace's nodes that resolving a reference may look at besides the instances' results: each
   * node's id, type, name, whether it is an existing resource and what it stands for, each instance's deployment, and
   * the opaque modules. While it is unchanged (an edit that changes no resource's type or name), an instance whose
   * result and reads are the same links to the same nodes.
   */
  private shape(): string {
    const parts: string[] = [];
    for (const node of this.nodes.values()) parts.push(`${node.id}\u0001${node.type}\u0001${node.name ?? '\u0002'}\u0001${node.existing ? 1 : 0}\u0001${node.declaredAs ?? ''}`);
    for (const [id, { root }] of this.instances) parts.push(`${id}\u0003${root}`);
    for (const id of this.opaque.keys()) parts.push(id);
    return parts.join('\u0000');
  }

  /** A declared (not existing) node of this type and name, preferring one of the same deployment. */
  private declaredNamed(type: string, name: string, instance: string | undefined): GraphNode | undefined {
    const candidates = this.declaredByName.get(`${armType(type)}|${name.toLowerCase()}`) ?? [];
    if (candidates.length === 0) return undefined;
    const root = instance ? this.instances.get(instance)?.root : undefined;
    return candidates.find((n) => n.instance === instance) ?? candidates.find((n) => this.instances.get(n.instance)?.root === root) ?? candidates[0];
  }

  /** The nodes a reference reaches, following module outputs and existing-resource aliases. */
  private resolve(ref: Ref, hops: number): Target[] {
    switch (ref.kind) {
      case 'resource': {
        const id = `${ref.instance}#${ref.resource}`;
        const node = this.nodes.get(id);
        if (!node) return [];
        return [{ node: node.declaredAs ?? id, path: ref.path }];
      }
      case 'module': {
        if (hops > MAX_OUTPUT_HOPS) return [];
        const caller = this.instances.get(ref.instance)?.result;
        this.reads?.set(ref.instance, caller);
        if (!caller) return [];
        const opaque = `${ref.instance}#module:${ref.module}`;
        if (this.opaque.has(opaque)) return [{ node: opaque, path: ref.path, opaque: true }];
        const out: Target[] = [];
        for (const call of caller.calls) {
          if (call.module !== ref.module) continue;
          const child = this.instances.get(call.instance)?.result;
          this.reads?.set(call.instance, child);
          if (!child) continue;
          // Bicep reads `m.outputs.x`, Terraform `module.m.x`.
          const skip = ref.path[0] === 'outputs' && !child.outputs.has('outputs') ? 1 : 0;
          const value = child.outputs.get(ref.path[skip] ?? '');
          if (!value) continue;
          const rest = ref.path.slice(skip + 1);
          out.push(...this.targetsOf(value, hops + 1).map((t) => ({ ...t, path: [...t.path, ...rest] })));
        }
        return out;
      }
      case 'named': {
        const node = this.declaredNamed(ref.type, ref.name, undefined) ?? (this.byName.get(`${armType(ref.type)}|${ref.name.toLowerCase()}`) ?? [])[0];
        return node ? [{ node: node.declaredAs ?? node.id, path: ref.path }] : [];
      }
    }
  }

  /** The targets of an evaluated value: its references, or the resource a literal resource id or vault URI names. */
  private targetsOf(value: EV, hops: number): Target[] {
    if (value.kind === 'string') {
      const named = namedByLiteral(value.value);
      return named ? this.resolve(named, hops) : [];
    }
    const out: Target[] = [];
    for (const ref of value.kind === 'unknown' ? value.refs : refsOf(value)) out.push(...this.resolve(ref, hops));
    return out;
  }

  private edgesOf(node: GraphNode, copy: ResolvedResource): void {
    const resource = copy.resource;
    // A `parent:` property is an edge of its own (at the property); a nested child's parent is its enclosing resource.
    const declaresParent = resource.body.entries.some((e) => e.key.toLowerCase() === 'parent' && !e.isBlock);
    if (resource.parent !== undefined && !declaresParent) {
      const parentId = `${node.instance}#${resource.parent}`;
      const parent = this.nodes.get(parentId);
      if (parent) this.addEdge({ kind: 'parent', from: node.id, to: parent.declaredAs ?? parentId, file: node.file, span: node.nameSpan, path: 'parent', attribute: '', details: {} });
    }
    const unresolvable = mayBeUnresolved(node.type);
    for (const l of this.leavesOf(copy, unresolvable)) this.leaf(node, copy, l.value, l.path, l.key, l.container, unresolvable);
  }

  /** The leaves of a copy's properties that may make an edge, found once per copy (see `LEAVES`). */
  private leavesOf(copy: ResolvedResource, unresolvable: boolean): readonly Leaf[] {
    let leaves = LEAVES.get(copy);
    if (!leaves) {
      const found: Leaf[] = [];
      this.walk(copy.resource.body, [], undefined, (value, path, key, container) => {
        if (mayMakeEdge(copy, value, unresolvable)) found.push({ value, path: [...path], key, container });
      });
      leaves = found;
      LEAVES.set(copy, leaves);
    }
    return leaves;
  }

  /** Visits every leaf with its path; `path` is one stack pushed and popped on the way, which `visit` must not keep. */
  private walk(value: Value, path: string[], container: ObjectValue | undefined, visit: (value: Value, path: readonly string[], key: string, container: ObjectValue | undefined) => void): void {
    if (value.kind === 'object') {
      for (const entry of value.entries) {
        path.push(entry.key);
        this.walk(entry.value, path, value, visit);
        path.pop();
      }
    } else if (value.kind === 'array') {
      for (let i = 0; i < value.items.length; i++) {
        path.push(`[${i}]`);
        this.walk(value.items[i]!, path, container, visit);
        path.pop();
      }
    } else {
      visit(value, path, path[path.length - 1] ?? '', container);
    }
  }

  /** `unresolvable`: whether the node's type records edges whose target is not known (`mayBeUnresolved`, asked once per resource). */
  private leaf(node: GraphNode, copy: ResolvedResource, value: Value, pathSteps: readonly string[], key: string, container: ObjectValue | undefined, unresolvable: boolean): void {
    if (value.kind !== 'expression' && value.kind !== 'string') return;
    const ev = copy.evOf(value);
    let targets: Target[] = [];
    let external = false;
    if (value.kind === 'string') {
      const named = namedByLiteral(value.value);
      if (!named) return;
      targets = this.resolve(named, 0);
      external = targets.length === 0;
    } else if (ev) {
      targets = this.targetsOf(ev, 0);
    }
    // Most leaves reach nothing; only the kinds below record an edge without a target, so the path is not built for the rest.
    if (targets.length === 0 && !unresolvable) return;
    const path = pathSteps.join('.').replace(/\.\[/g, '[');
    const kind = classify(node, path, key);
    if (targets.length === 0) {
      // A private endpoint, diagnostic setting or role assignment whose target the code does not determine still counts:
      // the workload rules then say they could not tell, rather than claim that nothing points at a resource.
      if (kind !== 'reference' && kind !== 'parent' && (value.kind === 'expression' || external)) {
        const edge: GraphEdge = { kind, from: node.id, to: undefined, file: node.file, span: value.span, path, attribute: '', details: this.details(kind, copy, container) };
        if (external) edge.external = true;
        this.addEdge(edge);
      }
      return;
    }
    for (const target of targets) {
      const attribute = target.path.join('.');
      let edgeKind: EdgeKind = kind;
      const targetNode = this.nodes.get(target.node);
      if (edgeKind === 'reference' && targetNode && (isKeyVault(targetNode.type) || isKeyVaultKey(targetNode.type)) && isEncryptionPath(path)) edgeKind = 'customerManagedKey';
      const edge: GraphEdge = { kind: edgeKind, from: node.id, to: target.node, file: node.file, span: value.span, path, attribute, details: this.details(edgeKind, copy, container) };
      if (target.opaque) edge.opaque = true;
      this.addEdge(edge);
      if (target.path.some(readsKey)) this.addEdge({ ...edge, kind: 'keyAccess', details: {} });
    }
  }

  private details(kind: EdgeKind, copy: ResolvedResource, container: ObjectValue | undefined): EdgeDetails {
    const resource = copy.resource;
    switch (kind) {
      case 'privateEndpoint': {
        const groups = container ? lookup(container, [resource.language === 'bicep' ? 'groupIds' : 'subresource_names'], resource.language, false) : undefined;
        const ids = groups?.state === 'known' && groups.value.kind === 'array' ? groups.value.items.flatMap((v) => (v.kind === 'string' ? [v.value] : [])) : undefined;
        return ids ? { groupIds: ids } : {};
      }
      case 'diagnostics':
        return diagnosticLogs(resource);
      case 'roleAssignment': {
        const paths = resource.language === 'bicep' && !resource.azapi ? [['properties', 'roleDefinitionId']] : [['role_definition_name'], ['role_definition_id'], ['properties', 'roleDefinitionId']];
        for (const p of paths) {
          const found = lookup(resource.body, p, resource.language, resource.language === 'terraform' && !resource.azapi);
          if (found.state === 'known' && found.value.kind === 'string') return { role: found.value.value.replace(/^.*\//, '') };
          // `subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '<guid>')`: the id is unknown, the role is not.
          const ev = found.state === 'unknown' && found.at ? copy.evOf(found.at.value) : undefined;
          const named = ev?.kind === 'unknown' ? ev.refs.find((r) => r.kind === 'named' && r.type.toLowerCase() === 'microsoft.authorization/roledefinitions') : undefined;
          if (named?.kind === 'named') return { role: named.name };
        }
        return {};
      }
      default:
        return {};
    }
  }

  private addEdge(edge: GraphEdge): void {
    const key = `${edge.kind}|${edge.from}|${edge.to ?? ''}|${edge.file}|${edge.span.start}|${edge.span.end}`;
    if (this.edgeKeys.has(key)) return;
    this.edgeKeys.add(key);
    this.edges.push(edge);
  }

  /**
   * A customer-managed key edge to a key becomes an edge to the key's vault (the key's parent, or its `key_vault_id`);
   * one set by a separate azurerm `*_customer_managed_key` resource starts at the resource it encrypts.
   */
  private retargetKeys(): void {
    // Parent edges by source, in edge order: finding one by scanning every edge for every key edge was quadratic.
    const parents = new Map<string, GraphEdge[]>();
    for (const e of this.edges) if (e.kind === 'parent' && e.to !== undefined) append(parents, e.from, e);
    const parentOf = (id: string): string | undefined => parents.get(id)?.find((e) => this.nodes.get(e.to!) && isKeyVault(this.nodes.get(e.to!)!.type))?.to;
    const retargeted: GraphEdge[] = [];
    for (let i = 0; i < this.edges.length; i++) {
      let edge = this.edges[i]!;
      if (edge.kind !== 'customerManagedKey' || edge.to === undefined) continue;
      const target = this.nodes.get(edge.to);
      if (target && isKeyVaultKey(target.type)) {
        const vault = parentOf(target.id);
        if (vault) {
          // A new edge in its place: the edge as linked is kept for the next build (see `PARTS`) and must stay as it was.
          edge = { ...edge, details: { ...edge.details, key: target.id }, to: vault };
          this.edges[i] = edge;
        }
      }
      const source = this.nodes.get(edge.from);
      if (source && isCustomerManagedKeyResource(source.type)) {
        const owner = parents.get(source.id)?.find((e) => !isKeyVault(this.nodes.get(e.to!)?.type ?? ''));
        if (owner?.to) retargeted.push({ ...edge, from: owner.to, details: { ...edge.details, via: source.id } });
      }
    }
    for (const edge of retargeted) this.addEdge(edge);
  }
}

/**
 * What each instance linked to in the last build it was part of: its edges (before key edges are retargeted, which
 * makes new edges rather than changing these) and its opaque modules' targets, with what they depended on: the
 * workspace's `shape` and the results of the other instances it read. A build after an edit links again only the
 * instances evaluated again and those that read one of them; the others' parts are taken as they are. Keyed by result,
 * so a part goes with the instance result it was made from.
 */
const PARTS = new WeakMap<InstanceResult, { shape: number; reads: ReadonlyMap<string, InstanceResult | undefined>; refers: ReadonlyMap<string, readonly string[]>; edges: readonly GraphEdge[] }>();

/** The last build's shape and its number: parts compare numbers, since comparing two equal strings of a megabyte per instance cost more than linking. */
let lastShape = '';
let lastShapeNumber = 0;

/** A number that stays the same while the shape does from one build to the next (builds of two workspaces in turn give new numbers, and link again). */
function shapeNumber(shape: string): number {
  if (shape !== lastShape) {
    lastShape = shape;
    lastShapeNumber++;
  }
  return lastShapeNumber;
}

/** A leaf of a resource's properties, with where it is. */
interface Leaf {
  value: Value;
  path: readonly string[];
  key: string;
  container: ObjectValue | undefined;
}

/**
 * The leaves of each evaluated copy that may make an edge, whatever the rest of the workspace holds. Whether one does
 * depends on the other instances and is decided on every build; which ones may is the copy's own business, and an
 * instance that is not evaluated again keeps its copies, so after an edit only the copies evaluated again are walked.
 */
const LEAVES = new WeakMap<ResolvedResource, readonly Leaf[]>();

/**
 * Whether `leaf` can make an edge from this value in some workspace: a string naming a resource by id or vault URI, an
 * expression whose value refers to something or names a resource, or any expression of a type that records edges
 * whose target is not known. Everything else returns from `leaf` before it looks at the rest of the graph.
 */
function mayMakeEdge(copy: ResolvedResource, value: Value, unresolvable: boolean): boolean {
  if (value.kind === 'string') return namedByLiteral(value.value) !== undefined;
  if (value.kind !== 'expression') return false;
  if (unresolvable) return true;
  const ev = copy.evOf(value);
  if (!ev) return false;
  if (ev.kind === 'string') return namedByLiteral(ev.value) !== undefined;
  return (ev.kind === 'unknown' ? ev.refs : refsOf(ev)).length > 0;
}

/** Adds a value to the list under a key, in place. */
function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Whether `classify` can give a resource of this type a kind that records an edge whose target is not known. */
function mayBeUnresolved(type: string): boolean {
  return isPrivateEndpoint(type) || isDiagnosticSetting(type) || isRoleAssignment(type);
}

/** The kind of a reference from its source resource and property. */
function classify(node: GraphNode, path: string, key: string): EdgeKind {
  const type = node.type;
  if (isPrivateEndpoint(type) && (key === 'privateLinkServiceId' || key === 'private_connection_resource_id')) return 'privateEndpoint';
  if (isDiagnosticSetting(type) && (path === 'scope' || key === 'target_resource_id')) return 'diagnostics';
  if (isRoleAssignment(type) && path === 'scope') return 'roleAssignment';
  if (path === 'parent' || (node.language === 'terraform' && !path.includes('.') && PARENT_ATTRIBUTES.has(key) && !(key === 'key_vault_id' && !isKeyVaultKey(type)))) return 'parent';
  return 'reference';
}

/** The log categories and groups a diagnostic setting enables (Bicep `properties.logs`, azurerm `enabled_log` / `log`). */
function diagnosticLogs(resource: Resource): EdgeDetails {
  const categories: string[] = [];
  const groups: string[] = [];
  let unknown = false;
  const readEntry = (obj: Value, categoryKey: string, groupKey: string, enabledKey: string | undefined): void => {
    if (obj.kind !== 'object') {
      unknown = true;
      return;
    }
    if (enabledKey) {
      const enabled = lookup(obj, [enabledKey], resource.language, false);
      if (enabled.state === 'known' && enabled.value.kind === 'bool' && !enabled.value.value) return;
      if (enabled.state === 'unknown') unknown = true;
    }
    for (const [key, out] of [[categoryKey, categories], [groupKey, groups]] as const) {
      const found = lookup(obj, [key], resource.language, false);
      if (found.state === 'known' && found.value.kind === 'string') out.push(found.value.value);
      else if (found.state === 'unknown') unknown = true;
    }
  };
  if (resource.language === 'bicep' || resource.azapi) {
    const logs = lookup(resource.body, ['properties', 'logs'], resource.language, false);
    if (logs.state === 'known' && logs.value.kind === 'array') for (const item of logs.value.items) readEntry(item, 'category', 'categoryGroup', 'enabled');
    else if (logs.state === 'unknown') unknown = true;
  } else {
    for (const entry of resource.body.entries) {
      if (entry.dynamic && (entry.key === 'enabled_log' || entry.key === 'log')) unknown = true;
      else if (entry.key === 'enabled_log') readEntry(entry.value, 'category', 'category_group', undefined);
      else if (entry.key === 'log') readEntry(entry.value, 'category', 'category_group', 'enabled');
    }
  }
  const details: EdgeDetails = { categories, categoryGroups: groups };
  if (unknown) details.logsUnknown = true;
  return details;
}

/**
 * The resource a literal string names: an ARM id (`/subscriptions/…/providers/Microsoft.KeyVault/vaults/kv`) or a
 * Key Vault URI (`https://kv.vault.azure.net/`). Undefined for any other string.
 */
export function namedByLiteral(text: string): Ref | undefined {
  // Both forms hold a slash; most strings (names, SKUs, locations) do not, and skip the regular expressions.
  if (!text.includes('/')) return undefined;
  const id = /\/providers\/([A-Za-z0-9]+\.[A-Za-z0-9.]+)\/((?:[^/]+\/[^/]+)(?:\/[^/]+\/[^/]+)*)\/?$/i.exec(text);
  if (id) {
    const parts = id[2]!.split('/');
    const types = parts.filter((_, i) => i % 2 === 0);
    const name = parts[parts.length - 1]!;
    return { kind: 'named', type: `${id[1]}/${types.join('/')}`, name, path: [] };
  }
  const vault = /^https:\/\/([a-z0-9-]+)\.vault\.azure\.net(?:\/|$)/i.exec(text);
  if (vault) return { kind: 'named', type: 'Microsoft.KeyVault/vaults', name: vault[1]!, path: [] };
  return undefined;
}

