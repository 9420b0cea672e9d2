// HCL expressions as model values: which become literals, which stay expressions, and the references they carry.
import * as assert from 'node:assert/strict';
import { hclToModel, parseHcl } from '../../../server/src/engine/parse/hcl';
import type { Value } from '../../../server/src/engine/model/types';

/** The model value of `x = <source>` in a .tfvars file, with spans removed for comparison. */
function valueOf(source: string): unknown {
  const text = `x = ${source}\n`;
  const parsed = parseHcl(text);
  assert.deepEqual(parsed.errors, [], `errors in ${source}`);
  const model = hclToModel('test.tfvars', text, parsed, 'tfvars');
  return withoutSpans(model.variables[0]!.value);
}

function withoutSpans(value: Value): unknown {
  switch (value.kind) {
    case 'object':
      return { kind: 'object', entries: value.entries.map((e) => ({ key: e.key, value: withoutSpans(e.value) })) };
    case 'array':
      return { kind: 'array', items: value.items.map(withoutSpans) };
    case 'expression':
      return { kind: 'expression', text: value.text, references: value.references };
    default: {
      const { span: _span, ...rest } = value;
      return rest;
    }
  }
}

const str = (value: string) => ({ kind: 'string', value });
const num = (value: number) => ({ kind: 'number', value });
const expr = (text: string, references: string[]) => ({ kind: 'expression', text, references });

/** Source text and the value it must become. */
const VALUES: [string, unknown][] = [
  ['"plain"', str('plain')],
  ['""', str('')],
  ['"tab\\tquote\\"nl\\n"', str('tab\tquote"nl\n')],
  ['"\\u00e9\\U0001F600"', str('é😀')],
  ['"$${x} %%{y}"', str('${x} %{y}')],
  ['<<EOT\nline\n  indented\nEOT', str('line\n  indented\n')],
  ['<<-EOT\n    a\n      b\n\n    c\n    EOT', str('a\n  b\n\nc\n')],
  ['<<EOT\nback\\slash $${x}\nEOT', str('back\\slash ${x}\n')],
  ['42', num(42)],
  ['-1', num(-1)],
  ['2.5e3', num(2500)],
  ['true', { kind: 'bool', value: true }],
  ['false', { kind: 'bool', value: false }],
  ['null', { kind: 'null' }],
  ['[1, "a", [true]]', { kind: 'array', items: [num(1), str('a'), { kind: 'array', items: [{ kind: 'bool', value: true }] }] }],
  [
    '{ a = 1, "b-c" = "d", (var.k) = 2, e : 3 }',
    { kind: 'object', entries: [{ key: 'a', value: num(1) }, { key: 'b-c', value: str('d') }, { key: '(var.k)', value: num(2) }, { key: 'e', value: num(3) }] },
  ],
  ['"${var.a}-x"', expr('"${var.a}-x"', ['var.a'])],
  ['"%{ if var.on }y%{ endif }"', expr('"%{ if var.on }y%{ endif }"', ['var.on'])],
  ['<<EOT\n${local.x}\nEOT', expr('<<EOT\n${local.x}\nEOT', ['local.x'])],
  ['var.name', expr('var.name', ['var.name'])],
  ['azurerm_key_vault.kv.id', expr('azurerm_key_vault.kv.id', ['azurerm_key_vault.kv.id'])],
  ['azurerm_subnet.s[0].id', expr('azurerm_subnet.s[0].id', ['azurerm_subnet.s.id'])],
  ['azurerm_subnet.s[*].id', expr('azurerm_subnet.s[*].id', ['azurerm_subnet.s.id'])],
  ['var.list[local.i]', expr('var.list[local.i]', ['var.list', 'local.i'])],
  ['module.m.out', expr('module.m.out', ['module.m.out'])],
  ['data.azurerm_client_config.c.tenant_id', expr('data.azurerm_client_config.c.tenant_id', ['data.azurerm_client_config.c.tenant_id'])],
  ['each.value.name', expr('each.value.name', ['each.value.name'])],
  ['count.index', expr('count.index', ['count.index'])],
  ['lower(var.a) == var.a', expr('lower(var.a) == var.a', ['var.a'])],
  ['[for s in var.subnets : s.id if s.on]', expr('[for s in var.subnets : s.id if s.on]', ['var.subnets'])],
  ['{ for k, v in var.m : k => v.x if local.keep }', expr('{ for k, v in var.m : k => v.x if local.keep }', ['var.m', 'local.keep'])],
  ['"%{ for n in var.names }${n}${local.sep}%{ endfor }"', expr('"%{ for n in var.names }${n}${local.sep}%{ endfor }"', ['var.names', 'local.sep'])],
  ['var.on ? 1 : 0', expr('var.on ? 1 : 0', ['var.on'])],
  ['-var.n', expr('-var.n', ['var.n'])],
  ['(1)', expr('(1)', [])],
  ['{ a = var.x }', { kind: 'object', entries: [{ key: 'a', value: expr('var.x', ['var.x']) }] }],
];

describe('HCL values', () => {
  for (const [source, expected] of VALUES) {
    it(`reads ${JSON.stringify(source)}`, () => assert.deepEqual(valueOf(source), expected));
  }

  it('keeps references of operator chains far deeper than the stack would allow to recurse', () => {
    const text = `x = ${Array.from({ length: 50000 }, (_, i) => `var.v${i % 3}`).join(' + ')}\n`;
    const parsed = parseHcl(text);
    const value = hclToModel('deep.tfvars', text, parsed, 'tfvars').variables[0]!.value;
    assert.equal(value.kind, 'expression');
    assert.deepEqual(value.kind === 'expression' ? value.references : [], ['var.v0', 'var.v1', 'var.v2']);
  });
});
