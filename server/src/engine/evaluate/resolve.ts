// Rewrites a model value with what the evaluator determined: literals stay, expressions become literals with an origin.
import type { Entry, ExpressionValue, ObjectValue, Value, ValueOrigin } from '../model/types';
import type { Span } from '../types';
import type { Env } from './types';
import type { EV, Site } from './value';

/** What the resolver needs from the language-specific evaluator of one file. */
export interface ResolverHost {
  file: string;
  /** Evaluates the syntax node at `span` in `env`; undefined when no node is there. */
  evaluate(span: Span, env: Env): EV | undefined;
  /** True when the node at `span` is a spread (`...x`) array item. */
  isSpread(span: Span): boolean;
  /**
   * The envs of the copies of an HCL `dynamic` block whose `for_each` is known (one per item), or undefined when
   * the number of copies is not known.
   */
  dynamicCopies?(entry: Entry, env: Env): Env[] | undefined;
  /** Source text for a value set elsewhere that stays unknown. */
  sourceText(file: string, span: Span): string;
}

const within = (inner: Span, outer: Span): boolean => inner.start >= outer.start && inner.end <= outer.end;

/**
 * Resolves model values of one file in one env. Every value it produces is recorded with the evaluator's value, so
 * the graph can read what an unknown value refers to.
 */
export class Resolver {
  /** The evaluator's value behind each value this resolver produced. */
  readonly evs = new WeakMap<object, EV>();
  /** The maps of the copies being resolved now (see `capture`). */
  private readonly captures: WeakMap<object, EV>[] = [];

  constructor(private readonly host: ResolverHost) {}

  /**
   * Runs `resolve` and returns, with its result, the evaluator's values recorded while it ran. A loop's copies share
   * the model values that stay expressions (`link.id` in every copy), so each copy needs its own map: the shared
   * `evs` keeps only the last copy's value.
   */
  capture<T>(resolve: () => T): { result: T; evs: WeakMap<object, EV> } {
    const evs = new WeakMap<object, EV>();
    this.captures.push(evs);
    try {
      return { result: resolve(), evs };
    } finally {
      this.captures.pop();
    }
  }

  private record(key: object, ev: EV): void {
    this.evs.set(key, ev);
    for (const map of this.captures) map.set(key, ev);
  }

  /** The model value with every expression the evaluator can determine replaced. Literals are returned as they are. */
  value(value: Value, env: Env): Value {
    switch (value.kind) {
      case 'object':
        return this.object(value, env);
      case 'array': {
        const items: Value[] = [];
        let changed = false;
        for (const item of value.items) {
          if (item.kind === 'expression' && this.host.isSpread(item.span)) {
            const ev = this.host.evaluate(item.span, env);
            if (ev && ev.kind === 'array') {
              for (const inner of ev.items) items.push(this.fromEv(inner, item.span, 1));
              changed = true;
              continue;
            }
            if (ev) this.record(item, ev);
            items.push(item);
            continue;
          }
          const resolved = this.value(item, env);
          if (resolved !== item) changed = true;
          items.push(resolved);
        }
        return changed ? { ...value, items } : value;
      }
      case 'expression': {
        const ev = this.host.evaluate(value.span, env);
        if (!ev) return value;
        if (ev.kind === 'unknown') {
          this.record(value, ev);
          return value;
        }
        return this.fromEv(ev, value.span, 0, value);
      }
      default:
        return value;
    }
  }

  private object(obj: ObjectValue, env: Env): ObjectValue {
    const entries: Entry[] = [];
    let changed = false;
    for (const entry of obj.entries) {
      if (entry.key === '...' && entry.value.kind === 'expression') {
        // A spread whose object is known becomes its entries, pointing at the spread; later keys still win.
        const ev = this.host.evaluate(entry.value.span, env);
        if (ev && ev.kind === 'object') {
          for (const inner of ev.entries) {
            entries.push({ key: inner.key, keySpan: entry.value.span, value: this.fromEv(inner.value, entry.value.span, 1), span: entry.span, isBlock: false, hasError: entry.hasError });
          }
          changed = true;
          continue;
        }
        if (ev) this.record(entry.value, ev);
        entries.push(entry);
        continue;
      }
      if (entry.dynamic && this.host.dynamicCopies) {
        const copies = this.host.dynamicCopies(entry, env);
        if (copies) {
          // A dynamic block with known items is that many ordinary blocks, each with its iterator bound.
          for (const copyEnv of copies) {
            const { dynamic: _dynamic, ...plain } = entry;
            entries.push({ ...plain, value: this.value(entry.value, copyEnv) });
          }
          changed = true;
          continue;
        }
      }
      const value = this.value(entry.value, env);
      if (value !== entry.value) {
        changed = true;
        entries.push({ ...entry, value });
      } else {
        entries.push(entry);
      }
    }
    return changed ? { ...obj, entries } : obj;
  }

  /**
   * The model value of an evaluated value used at `span`. At the top (`depth` 0) a scalar set elsewhere gets an
   * origin; a scalar computed inside the expression itself has none, so its fix replaces the expression. Objects and
   * arrays built by the evaluator always carry an origin: nothing may be inserted into them at `span`.
   */
  fromEv(ev: EV, span: Span, depth: number, original?: ExpressionValue): Value {
    let out: Value;
    const origin = this.originOf(ev.site, span, depth);
    switch (ev.kind) {
      case 'string':
      case 'number':
      case 'bool':
        out = (origin ? { kind: ev.kind, value: ev.value, span, origin } : { kind: ev.kind, value: ev.value, span }) as Value;
        break;
      case 'null':
        out = { kind: 'null', span };
        if (origin) out.origin = origin;
        break;
      case 'object': {
        const entries: Entry[] = ev.entries.map((e) => ({ key: e.key, keySpan: span, value: this.fromEv(e.value, span, depth + 1), span, isBlock: false, hasError: false }));
        out = { kind: 'object', entries, span, bodySpan: span, origin: this.forcedOrigin(ev.site) };
        break;
      }
      case 'array':
        out = { kind: 'array', items: ev.items.map((item) => this.fromEv(item, span, depth + 1)), span, origin: this.forcedOrigin(ev.site) };
        break;
      case 'unknown':
        out =
          depth === 0 && original
            ? original
            : { kind: 'expression', text: this.host.sourceText(ev.site.file, ev.site.span), span, references: [] };
        break;
    }
    this.record(out, ev);
    return out;
  }

  private originOf(site: Site, span: Span, depth: number): ValueOrigin | undefined {
    if (depth === 0 && site.file === this.host.file && within(site.span, span)) return undefined;
    return this.forcedOrigin(site);
  }

  private forcedOrigin(site: Site): ValueOrigin {
    return { file: site.file, span: site.span, description: site.description ?? 'the expression that computes it' };
  }
}
