// Collects the traversal references (`var.x`, `azurerm_key_vault.kv.id`, `each.value`) an HCL expression mentions.
import type { Expr, TemplatePart } from './ast';

/** The names bound by enclosing `for` expressions and directives, as a linked list (scopes nest rarely and briefly). */
interface Scope {
  name: string;
  next: Scope | null;
}

type WalkNode = Expr | TemplatePart;

/**
 * The dotted references in `expr`, in source order, without duplicates.
 *
 * A reference is a traversal rooted at a variable: `var.name`, `local.x`, `module.m.out`, `data.t.n.id`,
 * `each.value`, `count.index`. Index and splat steps are dropped and the chain goes on after them, so
 * `azurerm_x.y[0].id` and `azurerm_x.y[*].id` both give `azurerm_x.y.id` (which names the resource and the attribute
 * read); the index expressions themselves are searched for references too. Names bound by an enclosing `for`
 * (the iteration variables) are not references. Function names are not references.
 *
 * The walk uses an explicit stack: operator chains such as `a + a + … + a` nest as deep as they are long.
 */
export function collectReferences(expr: Expr): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const nodes: WalkNode[] = [expr];
  const scopes: (Scope | null)[] = [null];
  const push = (node: WalkNode, scope: Scope | null): void => {
    nodes.push(node);
    scopes.push(scope);
  };
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const scope = scopes.pop()!;
    switch (node.kind) {
      case 'Variable':
      case 'GetAttr':
      case 'Index':
      case 'Splat': {
        // Walk down the traversal to its root, remembering attribute names and the index keys to search later.
        const names: string[] = [];
        const keys: Expr[] = [];
        let root: Expr = node;
        for (;;) {
          if (root.kind === 'GetAttr') {
            if (root.name !== '') names.push(root.name);
            root = root.target;
          } else if (root.kind === 'Index') {
            keys.push(root.key);
            root = root.target;
          } else if (root.kind === 'Splat') {
            root = root.target;
          } else {
            break;
          }
        }
        // Pushed in reverse so that they pop in source order (the stack is last-in, first-out).
        for (let i = 0; i < keys.length; i++) push(keys[i]!, scope);
        if (root.kind === 'Variable') {
          if (!inScope(scope, root.name)) {
            let reference = root.name;
            for (let i = names.length - 1; i >= 0; i--) reference += '.' + names[i];
            if (!seen.has(reference)) {
              seen.add(reference);
              found.push(reference);
            }
          }
        } else {
          push(root, scope);
        }
        break;
      }
      case 'Call':
        for (let i = node.args.length - 1; i >= 0; i--) push(node.args[i]!, scope);
        break;
      case 'Tuple':
        for (let i = node.items.length - 1; i >= 0; i--) push(node.items[i]!, scope);
        break;
      case 'Object':
        for (let i = node.items.length - 1; i >= 0; i--) {
          const item = node.items[i]!;
          push(item.value, scope);
          // A bare identifier key is a literal name, not a variable.
          if (item.key.kind !== 'Variable') push(item.key, scope);
        }
        break;
      case 'For': {
        let inner = scope;
        if (node.keyVar) inner = { name: node.keyVar.name, next: inner };
        if (node.valueVar) inner = { name: node.valueVar.name, next: inner };
        if (node.condition) push(node.condition, inner);
        push(node.value, inner);
        if (node.keyExpr) push(node.keyExpr, inner);
        push(node.collection, scope);
        break;
      }
      case 'Conditional':
        push(node.else, scope);
        push(node.then, scope);
        push(node.condition, scope);
        break;
      case 'Binary':
        push(node.right, scope);
        push(node.left, scope);
        break;
      case 'Unary':
        push(node.operand, scope);
        break;
      case 'Paren':
        push(node.expr, scope);
        break;
      case 'Template':
        for (let i = node.parts.length - 1; i >= 0; i--) push(node.parts[i]!, scope);
        break;
      case 'TemplateInterp':
        push(node.expr, scope);
        break;
      case 'TemplateIf':
        if (node.else) for (let i = node.else.length - 1; i >= 0; i--) push(node.else[i]!, scope);
        for (let i = node.then.length - 1; i >= 0; i--) push(node.then[i]!, scope);
        push(node.condition, scope);
        break;
      case 'TemplateFor': {
        let inner = scope;
        if (node.keyVar) inner = { name: node.keyVar.name, next: inner };
        if (node.valueVar) inner = { name: node.valueVar.name, next: inner };
        for (let i = node.body.length - 1; i >= 0; i--) push(node.body[i]!, inner);
        push(node.collection, scope);
        break;
      }
      default:
        // Literals, template text and invalid nodes mention nothing.
        break;
    }
  }
  return found;
}

function inScope(scope: Scope | null, name: string): boolean {
  for (let s = scope; s !== null; s = s.next) if (s.name === name) return true;
  return false;
}
