// Finds the syntax node behind a model value by its span, so the evaluator can evaluate what the model kept as text.

/** A syntax node of either front end: both carry a `kind` and half-open `start`/`end` offsets. */
export interface SpannedNode {
  kind: string;
  start: number;
  end: number;
}

/**
 * Every node of a tree with a `kind`, keyed by its span. When nodes share a span the outermost one wins, which is the
 * one the model builders took the span from. Kept with its parsed file and built on the first question: a file that is
 * never evaluated (a variables file, a file whose parse is reused) never pays for it, and on large files building it
 * cost more than the parse itself.
 */
export class SpanIndex {
  /** The first (outermost) node at each start offset: small-integer keys, the fast case for most lookups. */
  private first: Map<number, SpannedNode> | undefined;
  /** Nodes that start where another one does but end elsewhere, by start and then end. */
  private more: Map<number, Map<number, SpannedNode>> | undefined;

  constructor(private root: unknown) {}

  /** The outermost node spanning exactly `[start, end)`, if any. */
  at(start: number, end: number): SpannedNode | undefined {
    if (!this.first) this.build();
    const node = this.first!.get(start);
    if (node === undefined || node.end === end) return node;
    return this.more!.get(start)?.get(end);
  }

  private build(): void {
    const first = new Map<number, SpannedNode>();
    const more = new Map<number, Map<number, SpannedNode>>();
    // An explicit stack, children pushed last-first so that nodes come off it in document (pre-)order, parents first:
    // trees nest as deep as the parsers allow, deeper than a recursive walk should go.
    const stack: unknown[] = [this.root];
    const children: object[] = [];
    while (stack.length > 0) {
      const node = stack.pop();
      if (Array.isArray(node)) {
        for (let i = node.length - 1; i >= 0; i--) {
          const item: unknown = node[i];
          if (item !== null && typeof item === 'object') stack.push(item);
        }
        continue;
      }
      if (node === null || typeof node !== 'object') continue;
      const n = node as Record<string, unknown>;
      if (typeof n.kind === 'string' && typeof n.start === 'number' && typeof n.end === 'number') {
        const spanned = node as SpannedNode;
        const at = first.get(spanned.start);
        if (at === undefined) first.set(spanned.start, spanned);
        else if (at.end !== spanned.end) {
          let ends = more.get(spanned.start);
          if (!ends) more.set(spanned.start, (ends = new Map()));
          if (!ends.has(spanned.end)) ends.set(spanned.end, spanned);
        }
      }
      // `for…in` over the node's own fields, without the array `Object.values` made for every node.
      children.length = 0;
      for (const key in n) {
        const value = n[key];
        if (value !== null && typeof value === 'object') children.push(value);
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
    this.first = first;
    this.more = more;
    // The tree stays referenced by its parsed file; the index needs it no more.
    this.root = undefined;
  }
}
