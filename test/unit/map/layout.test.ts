// Property test of the map's layout: for generated workloads of 5 to 200 resources, no box, label or group overlaps another.
import * as assert from 'node:assert/strict';
import { layoutMap, SIZES, type Box, type MapLayout } from '../../../server/src/engine/map';
import { generatedMap } from './generate';

const overlap = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Box, outer: Box): boolean =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
const grow = (b: Box, by: number): Box => ({ x: b.x - by, y: b.y - by, width: b.width + 2 * by, height: b.height + 2 * by });
const show = (b: Box): string => `(${b.x}, ${b.y}, ${b.width}×${b.height})`;

/** Every property the drawing relies on; the first broken one fails with the boxes involved. */
function checkLayout(layout: MapLayout, width: number, nodeCount: number, what: string): void {
  assert.equal(layout.nodes.length, nodeCount, `${what}: every resource has a box`);
  assert.ok(layout.width <= width, `${what}: ${layout.width} wide, at most ${width}`);
  // Boxes with their public outline (3.5 px outside) keep apart.
  for (let i = 0; i < layout.nodes.length; i++) {
    for (let j = i + 1; j < layout.nodes.length; j++) {
      const a = layout.nodes[i]!;
      const b = layout.nodes[j]!;
      assert.ok(!overlap(grow(a, 4), grow(b, 4)), `${what}: ${a.id} ${show(a)} overlaps ${b.id} ${show(b)}`);
    }
  }
  for (const node of layout.nodes) {
    const content: Box = { x: node.x + SIZES.stripe, y: node.y, width: node.width - SIZES.stripe, height: node.height };
    const labels = [node.kind, node.name, ...(node.tags ? [node.tags] : [])];
    for (const label of labels) assert.ok(inside(label, content), `${what}: "${label.text}" ${show(label)} leaves ${node.id} ${show(node)}`);
    assert.ok(inside(node.badge, content), `${what}: the count of ${node.id} leaves its box`);
    assert.ok(inside(node.badge.label, node.badge), `${what}: the count "${node.badge.label.text}" of ${node.id} leaves its pill`);
    const parts: Box[] = [...labels, node.badge];
    for (let i = 0; i < parts.length; i++) for (let j = i + 1; j < parts.length; j++) assert.ok(!overlap(parts[i]!, parts[j]!), `${what}: labels of ${node.id} overlap`);
  }
  for (let i = 0; i < layout.groups.length; i++) {
    const group = layout.groups[i]!;
    assert.ok(group.x + group.width <= width, `${what}: group ${group.id} fits the width`);
    assert.ok(inside(group.title, group), `${what}: the title of ${group.id} leaves it`);
    for (let j = i + 1; j < layout.groups.length; j++) assert.ok(!overlap(group, layout.groups[j]!), `${what}: groups ${group.id} and ${layout.groups[j]!.id} overlap`);
    for (const node of layout.nodes) assert.ok(!overlap(group.title, node), `${what}: the title of ${group.id} overlaps ${node.id}`);
  }
  for (const node of layout.nodes) assert.equal(layout.groups.filter((g) => inside(grow(node, 4), g)).length, 1, `${what}: ${node.id} lies in exactly one group`);
  for (let i = 0; i < layout.legend.length; i++) {
    const item = layout.legend[i]!;
    for (const part of [item.box, item.label]) {
      assert.ok(part.x + part.width <= width, `${what}: legend "${item.label.text}" fits the width`);
      for (const group of layout.groups) assert.ok(!overlap(part, group), `${what}: legend "${item.label.text}" overlaps a group`);
      for (let j = i + 1; j < layout.legend.length; j++) {
        const other = layout.legend[j]!;
        assert.ok(!overlap(part, other.box) && !overlap(part, other.label), `${what}: legend "${item.label.text}" overlaps "${other.label.text}"`);
      }
    }
  }
  for (const edge of layout.edges) assert.match(edge.path, /^M-?[\d.]+ -?[\d.]+ [CL]/, `${what}: a drawable path`);
}

describe('map layout', () => {
  const SIZES_TO_TRY = [5, 6, 9, 13, 20, 31, 47, 64, 90, 120, 160, 200];
  for (const size of SIZES_TO_TRY) {
    it(`keeps ${size} resources apart, at the report's width and a narrow one`, () => {
      for (let seed = 1; seed <= 4; seed++) {
        const map = generatedMap(size, seed);
        checkLayout(layoutMap(map), 1040, size, `${size} resources, seed ${seed}`);
        checkLayout(layoutMap(map, { width: 560 }), 560, size, `${size} resources, seed ${seed}, 560 px`);
      }
    });
  }

  it('can fail: two boxes placed on top of each other are caught', () => {
    const layout = layoutMap(generatedMap(5, 1));
    const moved = { ...layout, nodes: layout.nodes.map((n, i) => (i === 1 ? { ...n, x: layout.nodes[0]!.x, y: layout.nodes[0]!.y } : n)) };
    assert.throws(() => checkLayout(moved, 1040, 5, 'moved'), /overlaps/);
  });

  it('is deterministic: the same map gives the same layout', () => {
    const map = generatedMap(120, 3);
    assert.deepEqual(layoutMap(map), layoutMap(structuredClone(map)));
  });

  it('cuts a name too long for the widest box, keeping its start', () => {
    const map = generatedMap(5, 2);
    map.nodes[0]!.label = `very_${'long_'.repeat(40)}name`;
    const box = layoutMap(map).nodes.find((n) => n.id === map.nodes[0]!.id)!;
    assert.equal(box.width, SIZES.nodeMaxWidth);
    assert.match(box.name.text, /^very_long_.*…$/);
  });

  it('stacks tiers: a network above the AI services it connects to, the AI services above their model deployments', () => {
    const map = generatedMap(6, 1, 1);
    const categories = ['model', 'ai', 'network', 'data', 'ai', 'monitoring'] as const;
    map.nodes.forEach((n, i) => (n.category = categories[i]!));
    const y = (i: number): number => layoutMap(map).nodes.find((n) => n.id === map.nodes[i]!.id)!.y;
    assert.ok(y(2) < y(1) && y(1) < y(0) && y(0) < y(3) && y(3) < y(5));
    assert.equal(y(1), y(4), 'two AI services share a row');
  });
});
