// Writes the workload map as a Mermaid flowchart, for Markdown that code hosts draw: a subgraph per group, classes by worst finding.
import { edgeWords, tagsOf } from './layout';
import { PUBLIC_COLOUR, SEVERITY_COLOURS } from './svg';
import type { MapEdgeKind, WorkloadMap } from './types';

/** Characters that mean something in a Mermaid label, as Mermaid's entity codes (`#quot;`, `#35;`, …). */
const ENTITIES: Readonly<Record<string, string>> = {
  '#': '#35;',
  '"': '#quot;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '`': '#96;',
  '|': '#124;',
};

/**
 * Escapes text for a quoted Mermaid label: entity codes for the characters that end a label, start an entity, open HTML
 * or a Markdown string, or end a Markdown code fence (a backtick), and one line.
 */
export function escapeMermaid(text: string): string {
  return text.replace(/[\r\n\u0000-\u001f]+/g, ' ').replace(/[#"&<>`|]/g, (c) => ENTITIES[c]!);
}

const ARROWS: Readonly<Record<MapEdgeKind, string>> = {
  privateEndpoint: '==>',
  diagnostics: '-.->',
  roleAssignment: '-.->',
  customerManagedKey: '-.->',
  keyAccess: '==>',
  reference: '-->',
  parent: '---',
  module: '-.->',
};

/** The map as a Mermaid `flowchart` (without the code fence), ending with a newline. */
export function renderMermaid(map: WorkloadMap): string {
  const ids = new Map(map.nodes.map((node, i) => [node.id, `n${i}`]));
  const out = ['flowchart TB'];
  map.groups.forEach((group, g) => {
    const members = map.nodes.filter((node) => node.group === group.id);
    if (members.length === 0) return;
    out.push(`  subgraph g${g}["${escapeMermaid(group.label)}"]`);
    for (const node of members) {
      const f = node.findings.count;
      const lines = [node.kindLabel, node.label, tagsOf(node), `${f} ${f === 1 ? 'finding' : 'findings'}${node.findings.worst ? `, worst ${node.findings.worst}` : ''}`].filter((s) => s !== '');
      out.push(`    ${ids.get(node.id)}["${lines.map(escapeMermaid).join('<br/>')}"]`);
    }
    out.push('  end');
  });
  for (const edge of map.edges) {
    if (!ids.has(edge.from) || !ids.has(edge.to)) continue;
    const detail = edge.detail ? ` (${edge.detail})` : '';
    const words = edge.kind === 'parent' || edge.kind === 'reference' ? '' : `|"${escapeMermaid(edgeWords(edge.kind) + detail)}"|`;
    out.push(`  ${ids.get(edge.from)} ${ARROWS[edge.kind]}${words} ${ids.get(edge.to)}`);
  }
  for (const severity of ['error', 'warning', 'note', 'none'] as const) {
    const members = map.nodes.filter((node) => (node.findings.worst ?? 'none') === severity).map((node) => ids.get(node.id)!);
    if (members.length === 0) continue;
    out.push(`  classDef sev_${severity} stroke:${SEVERITY_COLOURS[severity]},stroke-width:2px`, `  class ${members.join(',')} sev_${severity}`);
  }
  const exposed = map.nodes.filter((node) => node.exposure === 'public').map((node) => ids.get(node.id)!);
  if (exposed.length > 0) out.push(`  classDef exposed stroke:${PUBLIC_COLOUR},stroke-width:4px,stroke-dasharray:6 3`, `  class ${exposed.join(',')} exposed`);
  return `${out.join('\n')}\n`;
}
