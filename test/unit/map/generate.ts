// Generates workload maps of any size for the layout tests: seeded, with awkward names, many groups and dense connections.
import type { MapCategory, MapEdgeKind, MapNode, WorkloadMap } from '../../../server/src/engine/map';
import type { Severity } from '../../../server/src/engine';

/** A small seeded generator (mulberry32), so every run draws the same maps. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES: MapCategory[] = ['gateway', 'app', 'ai', 'search', 'ml', 'model', 'compute', 'data', 'security', 'monitoring', 'network', 'cost', 'module', 'other'];
const KINDS: MapEdgeKind[] = ['parent', 'privateEndpoint', 'diagnostics', 'roleAssignment', 'customerManagedKey', 'keyAccess', 'reference', 'module'];
/** Names as code has them, and worse: long, wide letters, CJK, emoji, markup. */
const PIECES = ['openai', 'search', 'WWWWWWWW', 'mmmmmm', 'st', 'kv', 'x', '東京リージョン', '🚀', '<b>&"', 'module.ai["east"]', 'storage_account_for_training_data', 'i', 'l'];

function name(rng: () => number): string {
  const parts = 1 + Math.floor(rng() * 4);
  return Array.from({ length: parts }, () => PIECES[Math.floor(rng() * PIECES.length)]!).join(rng() < 0.5 ? '_' : '');
}

/** A map of `size` resources in up to `groups` groups, with about 1.5 connections per resource. */
export function generatedMap(size: number, seed: number, groups = 1 + (seed % 7)): WorkloadMap {
  const rng = random(seed * 7919 + size);
  const groupIds = Array.from({ length: groups }, (_, g) => ({ id: `module:g${g}`, label: g % 3 === 0 ? `infra/modules/${name(rng)}/${name(rng)}.bicep` : `g${g}` }));
  const nodes: MapNode[] = Array.from({ length: size }, (_, i) => {
    const count = rng() < 0.4 ? 0 : Math.floor(rng() ** 3 * 2000);
    const worst: Severity | undefined = count === 0 ? undefined : (['error', 'warning', 'note'] as const)[Math.floor(rng() * 3)];
    const exposure = rng() < 0.7 ? undefined : (['public', 'private', 'restricted', 'unknown'] as const)[Math.floor(rng() * 4)];
    const node: MapNode = {
      id: `f.bicep#r${i}`,
      name: `r${i}_${name(rng)}`,
      label: name(rng),
      type: 'Microsoft.Test/things',
      category: CATEGORIES[Math.floor(rng() * CATEGORIES.length)]!,
      kindLabel: rng() < 0.2 ? `${name(rng)} ${name(rng)}` : 'Azure OpenAI account',
      group: groupIds[Math.floor(rng() * groups)]!.id,
      location: { file: 'f.bicep', span: { start: i, end: i + 1 }, line: i + 1, column: 1, endLine: i + 1, endColumn: 2 },
      findings: { count, worst, error: worst === 'error' ? count : 0, warning: worst === 'warning' ? count : 0, note: worst === 'note' ? count : 0 },
      privateEndpoints: rng() < 0.2 ? 1 : 0,
      copies: rng() < 0.1 ? 2 + Math.floor(rng() * 30) : 1,
      existing: rng() < 0.05,
      conditional: rng() < 0.1,
    };
    if (exposure) node.exposure = exposure;
    return node;
  });
  const edges = Array.from({ length: Math.round(size * 1.5) }, () => {
    const from = nodes[Math.floor(rng() * size)]!.id;
    const to = nodes[Math.floor(rng() * size)]!.id;
    return { from, to, kind: KINDS[Math.floor(rng() * KINDS.length)]! };
  }).filter((e, i, all) => e.from !== e.to && all.findIndex((f) => f.from === e.from && f.to === e.to && f.kind === e.kind) === i);
  return { groupBy: 'module', groups: groupIds, nodes, edges };
}
