// Finds the syntax node behind a model value by its span, so the evaluator can evaluate what the model kept as text.

/** A syntax node of either front end: both carry a `kind` and half-open `start`/`end` offsets. */
export interface SpannedNode {
  kind: string;
  start: number;
  end: number;
}

/** Offsets fit in 23 bits (files are at most 5 MB), so one number keys a span exactly. */
const SHIFT = 8_388_608;

/**
 * Every node of a tree with a `kind`, keyed by its span. When nodes share a span the outermost one wins, which is the
 * one the model builders took the span from. Built once per parsed file and kept with it.
 */
export class SpanIndex {
  private readonly nodes = new Map<number, SpannedNode>();

  constructor(root: unknown) {
    // An explicit stack: trees nest as deep as the parsers allow, deeper than a recursive walk should go.
    const stack: unknown[] = [root];
    while (stack.length > 0) {
      const node = stack.pop();
      if (Array.isArray(node)) {
        for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
        continue;
      }
      if (node === null || typeof node !== 'object') continue;
      const n = node as Record<string, unknown>;
      if (typeof n.kind === 'string' && typeof n.start === 'number' && typeof n.end === 'number') {
        const key = n.start * SHIFT + n.end;
        if (!this.nodes.has(key)) this.nodes.set(key, node as SpannedNode);
      }
      const children: unknown[] = [];
      for (const value of Object.values(n)) if (value !== null && typeof value === 'object') children.push(value);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }

  /** The outermost node spanning exactly `[start, end)`, if any. */
  at(start: number, end: number): SpannedNode | undefined {
    return this.nodes.get(start * SHIFT + end);
  }
}
