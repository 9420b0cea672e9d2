// Tests the map's SVG and Mermaid renderers: colours by worst finding, the public mark, links, and hostile names kept as text.
import * as assert from 'node:assert/strict';
import { escapeMermaid, renderMapSvg, renderMermaid, type MapNode, type WorkloadMap } from '../../../server/src/engine/map';
import { PUBLIC_COLOUR, SEVERITY_COLOURS } from '../../../server/src/engine/map/svg';
import { generatedMap } from './generate';
import { fixtureFiles, mapOf } from './support';

const HOSTILE = '<script>alert(1)</script>"\'&#`|]--> \u0001end';

/** The markup of one box: from its `<a>` to the next `</a>`. */
function boxOf(svg: string, node: MapNode): string {
  const start = svg.indexOf(`data-node="${node.id.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;')}"`);
  assert.ok(start > 0, `the box of ${node.id}`);
  return svg.slice(svg.lastIndexOf('<a ', start), svg.indexOf('</a>', start));
}

/** Every element name in the markup: only the ones the renderer writes, so nothing from a name became markup. */
function elementNames(svg: string): Set<string> {
  return new Set([...svg.matchAll(/<\/?([A-Za-z?][\w:-]*)/g)].map((m) => m[1]!));
}

function hostileMap(): WorkloadMap {
  const map = generatedMap(6, 5, 2);
  const node = map.nodes[0]!;
  node.name = HOSTILE;
  node.label = HOSTILE;
  node.kindLabel = HOSTILE;
  node.azureName = HOSTILE;
  const old = node.id;
  node.id = `${HOSTILE}#x`;
  for (const edge of map.edges) {
    if (edge.from === old) edge.from = node.id;
    if (edge.to === old) edge.to = node.id;
  }
  node.location = { ...node.location, file: `dir ${HOSTILE}/main.bicep` };
  map.groups[0]!.label = HOSTILE;
  map.edges.push({ from: node.id, to: map.nodes[1]!.id, kind: 'roleAssignment', detail: HOSTILE });
  return map;
}

describe('map: SVG', () => {
  for (const language of ['bicep', 'terraform'] as const) {
    const map = mapOf(fixtureFiles(language));
    const svg = renderMapSvg(map);

    it(`colours each ${language} box by its worst finding and shows its count`, () => {
      for (const node of map.nodes) {
        const box = boxOf(svg, node);
        const severity = node.findings.worst ?? 'none';
        assert.match(box, new RegExp(`data-severity="${severity}"`));
        assert.match(box, new RegExp(`stroke="${SEVERITY_COLOURS[severity]}"`), node.name);
        assert.match(box, new RegExp(`>${node.findings.count}</text>`), node.name);
        assert.match(box, /<title>[^<]+<\/title>/);
      }
      assert.ok(new Set(map.nodes.map((n) => n.findings.worst ?? 'none')).size >= 2, 'the fixture has boxes of two colours at least');
      for (const words of ['worst finding: error', 'warning', 'note', 'no findings']) assert.ok(svg.includes(`>${words}</text>`), words);
    });

    it(`makes the public ${language} account stand out by outline and words, and no other box`, () => {
      const exposed = map.nodes.filter((n) => n.exposure === 'public');
      assert.equal(exposed.length, 1);
      for (const node of map.nodes) {
        const box = boxOf(svg, node);
        const isPublic = node.exposure === 'public';
        assert.equal(box.includes('PUBLIC ENDPOINT'), isPublic, node.name);
        assert.equal(box.includes(`stroke="${PUBLIC_COLOUR}"`), isPublic, node.name);
        assert.equal(box.includes('data-exposure="public"'), isPublic, node.name);
      }
      assert.ok(svg.includes('>reachable from the internet</text>'), 'the legend explains the mark');
    });

    it(`links each ${language} box to its declaration, through the href option`, () => {
      const linked = renderMapSvg(map, { href: (l) => `https://code.example/${l.file}?line=${l.line}` });
      for (const node of map.nodes) {
        const box = boxOf(linked, node);
        assert.ok(box.includes(`href="https://code.example/${node.location.file}?line=${node.location.line}"`), node.name);
        assert.match(box, new RegExp(`class="loc map-node".*data-line="${node.location.line}"`));
      }
    });
  }

  it('keeps hostile names, paths and details as text', () => {
    const svg = renderMapSvg(hostileMap(), { standalone: true });
    assert.ok(!svg.includes('<script'), 'no script element');
    assert.ok(!svg.includes('\u0001'), 'no control character XML cannot hold');
    assert.deepEqual([...elementNames(svg)].sort(), ['?xml', 'a', 'defs', 'g', 'marker', 'path', 'rect', 'svg', 'text', 'title']);
    assert.ok(svg.includes('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;#`|]--&gt;'), 'the name, escaped');
    for (const quoted of svg.matchAll(/="([^"]*)"/g)) assert.ok(!/[<>]/.test(quoted[1]!), `attribute value ${quoted[1]}`);
  });

  it('turns a link that is not http(s) or relative into a harmless one', () => {
    const svg = renderMapSvg(generatedMap(5, 1), { href: () => 'javascript:alert(1)' });
    assert.ok(!svg.includes('javascript:'));
    assert.match(svg, /href="#"/);
  });

  it('says so when there is nothing to draw', () => {
    const svg = renderMapSvg({ groupBy: 'category', groups: [], nodes: [], edges: [] });
    assert.match(svg, /No resource to draw/);
    assert.ok(!svg.includes('<a '));
  });
});

describe('map: Mermaid', () => {
  it('escapes every character that would end or open something in a label', () => {
    assert.equal(escapeMermaid('a"b#c&d<e>f`g|h\ni'), 'a#quot;b#35;c#amp;d#lt;e#gt;f#96;g#124;h i');
  });

  it('writes a subgraph per group, a node per resource and an edge per connection', () => {
    for (const language of ['bicep', 'terraform'] as const) {
      const map = mapOf(fixtureFiles(language));
      const text = renderMermaid(map);
      const lines = text.trimEnd().split('\n');
      assert.equal(lines[0], 'flowchart TB');
      assert.equal(lines.filter((l) => /^ {2}subgraph g\d+\["[^"]*"\]$/.test(l)).length, map.groups.length);
      assert.equal(lines.filter((l) => l === '  end').length, map.groups.length);
      assert.equal(lines.filter((l) => /^ {4}n\d+\["[^"]*"\]$/.test(l)).length, map.nodes.length);
      assert.equal(lines.filter((l) => /^ {2}n\d+ (-->|---|==>|-\.->)(\|"[^"]*"\|)? n\d+$/.test(l)).length, map.edges.length);
      const exposed = map.nodes.findIndex((n) => n.exposure === 'public');
      assert.ok(lines.includes(`  class n${exposed} exposed`));
      assert.ok(lines.some((l) => l.startsWith(`    n${exposed}["`) && l.includes('PUBLIC ENDPOINT')), 'the public node says so in words');
      assert.equal(lines.filter((l) => l.includes('PUBLIC ENDPOINT')).length, 1);
    }
  });

  it('keeps hostile names inside their labels', () => {
    const text = renderMermaid(hostileMap());
    assert.ok(!text.includes('`'), 'no backtick: a Markdown fence cannot be closed from a name');
    assert.ok(!text.includes('<script'));
    for (const line of text.trimEnd().split('\n').slice(1)) {
      assert.match(line, /^ {2}(subgraph g\d+\["[^"]*"\]|end|n\d+ \S+ n\d+|n\d+ \S+\|"[^"]*"\| n\d+|classDef \w+ [^"]+|class [n\d,]+ \w+)$|^ {4}n\d+\["[^"]*"\]$/, line);
      // Outside entity codes, no `#` is left bare.
      assert.ok(!/#(?!(\d+|quot|amp|lt|gt);)/.test(line.replace(/stroke:#[0-9a-f]{6}/g, '')), line);
    }
  });
});
