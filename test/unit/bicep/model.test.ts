// The Bicep model builder: resources (nested, parented, looped, conditional), modules, parameters, variables and values.
import * as assert from 'node:assert/strict';
import type { Entry, FileModel, ObjectValue, Resource, Value } from '../../../server/src/engine/model/types';
import { bicepToModel, parseBicep } from '../../../server/src/engine/parse/bicep';
import { baseline, position, readFixture } from './support';

function modelOf(relative: string, kind: 'bicep' | 'bicepparam' = 'bicep'): { text: string; model: FileModel } {
  const text = readFixture(relative);
  return { text, model: bicepToModel(relative, text, parseBicep(text), kind) };
}

/** The value of `var v = <source>`. */
function valueOf(source: string): Value {
  const text = `var v = ${source}`;
  const parsed = parseBicep(text);
  assert.deepEqual(parsed.errors, [], source);
  return bicepToModel('v.bicep', text, parsed, 'bicep').variables[0]!.value;
}

/** A value with spans dropped, for comparing with a literal. */
function plain(value: Value): unknown {
  switch (value.kind) {
    case 'object':
      return { object: value.entries.map((e) => [e.key, plain(e.value)]) };
    case 'array':
      return { array: value.items.map(plain) };
    case 'expression':
      return { expression: value.text, references: value.references };
    case 'null':
      return null;
    default:
      return value.value;
  }
}

/** An entry's value by a dotted path of keys. */
function at(object: ObjectValue, path: string): Value {
  let value: Value = object;
  for (const key of path.split('.')) {
    assert.equal(value.kind, 'object', `${path}: ${key} is not inside an object`);
    const entry: Entry | undefined = (value as ObjectValue).entries.find((e) => e.key === key);
    assert.ok(entry, `no entry ${key} in ${path}`);
    value = entry.value;
  }
  return value;
}

/** An indented outline of a model, one line per resource, module, declaration and entry, spans as line:column. */
function outline(text: string, model: FileModel): string {
  const lines: string[] = [];
  const where = (span: { start: number; end: number }): string => `${position(text, span.start)}-${position(text, span.end)}`;
  const value = (v: Value, indent: string, prefix: string): void => {
    if (v.kind === 'object') {
      lines.push(`${indent}${prefix}{} ${where(v.span)}`);
      for (const e of v.entries) value(e.value, indent + '  ', `${e.key}${e.hasError ? ' <error>' : ''} = `);
    } else if (v.kind === 'array') {
      lines.push(`${indent}${prefix}[] ${where(v.span)}`);
      for (const item of v.items) value(item, indent + '  ', '- ');
    } else if (v.kind === 'expression') {
      lines.push(`${indent}${prefix}expression ${JSON.stringify(v.text)} refs [${v.references.join(', ')}]`);
    } else {
      lines.push(`${indent}${prefix}${v.kind} ${JSON.stringify(v.kind === 'null' ? null : v.value)}`);
    }
  };
  for (const d of model.declarations) lines.push(`declaration ${d.kind} ${d.name || '-'} ${where(d.span)}${d.hasError ? ' <error>' : ''}`);
  for (const p of model.parameters) {
    if (p.defaultValue) value(p.defaultValue, '', `parameter ${p.name} = `);
    else lines.push(`parameter ${p.name}`);
  }
  for (const v of model.variables) value(v.value, '', `variable ${v.name} = `);
  for (const r of model.resources) {
    const flags = [r.existing && 'existing', r.isLoop && 'loop', r.parent && `parent=${r.parent}`, r.hasError && 'error'].filter(Boolean).join(' ');
    lines.push(`resource ${r.name} ${r.type}@${r.apiVersion ?? '-'} ${where(r.span)} name ${where(r.nameSpan)}${flags ? ` ${flags}` : ''}`);
    if (r.condition) value(r.condition, '  ', 'if ');
    value(r.body, '  ', '');
  }
  for (const m of model.modules) {
    lines.push(`module ${m.name} ${JSON.stringify(m.source)} ${where(m.sourceSpan)}${m.isLoop ? ' loop' : ''}`);
    if (m.condition) value(m.condition, '  ', 'if ');
    value(m.inputs, '  ', 'params ');
  }
  return lines.join('\n') + '\n';
}

describe('Bicep model', () => {
  it('matches the golden outline of the representative AI workload', () => {
    const { text, model } = modelOf('model/ai-workload.bicep');
    const { expected, actual } = baseline('model/ai-workload.outline.txt', outline(text, model));
    assert.equal(actual, expected);
  });

  it('lists every resource with its full type, API version, parent, loop, condition and existing flags', () => {
    const { model } = modelOf('model/ai-workload.bicep');
    const summary = model.resources.map((r) => [r.name, r.type, r.apiVersion, r.parent ?? '-', r.existing, r.isLoop, r.condition?.kind === 'expression' ? r.condition.text : '-']);
    assert.deepEqual(summary, [
      ['aoai', 'Microsoft.CognitiveServices/accounts', '2024-10-01', '-', false, false, '-'],
      ['aoai::chat', 'Microsoft.CognitiveServices/accounts/deployments', '2024-10-01', 'aoai', false, true, '-'],
      ['search', 'Microsoft.Search/searchServices', '2024-06-01-preview', '-', false, false, '-'],
      ['storage', 'Microsoft.Storage/storageAccounts', '2023-05-01', '-', false, false, '-'],
      ['blobs', 'Microsoft.Storage/storageAccounts/blobServices', '2023-05-01', 'storage', false, false, '-'],
      ['vault', 'Microsoft.KeyVault/vaults', '2023-07-01', '-', true, false, '-'],
      ['diagnostics', 'Microsoft.Insights/diagnosticSettings', '2021-05-01-preview', '-', false, false, 'searchReplicas > 1'],
    ]);
    assert.ok(model.resources.every((r) => r.language === 'bicep' && r.file === 'model/ai-workload.bicep' && !r.hasError));
  });

  it('gives resource bodies literal values where the code is literal', () => {
    const { text, model } = modelOf('model/ai-workload.bicep');
    const byName = (name: string): Resource => model.resources.find((r) => r.name === name)!;
    const aoai = byName('aoai');
    assert.deepEqual(aoai.body.entries.map((e) => e.key), ['name', 'location', 'kind', 'sku', 'identity', 'properties']);
    assert.deepEqual(plain(at(aoai.body, 'properties.disableLocalAuth')), false);
    assert.deepEqual(plain(at(aoai.body, 'properties.publicNetworkAccess')), 'Enabled');
    assert.deepEqual(plain(at(aoai.body, 'properties.networkAcls.ipRules')), { expression: '[for ip in allowedIps: { value: ip }]', references: ['allowedIps'] });
    assert.deepEqual(plain(at(aoai.body, 'name')), { expression: 'aoaiName', references: ['aoaiName'] });
    // A loop variable is no reference: it names nothing declared in the file.
    assert.deepEqual(plain(at(byName('aoai::chat').body, 'sku.capacity')), { expression: 'd.capacity', references: [] });
    assert.deepEqual(plain(at(byName('search').body, 'properties.semanticSearch')), 'free');
    assert.deepEqual(plain(at(byName('search').body, 'properties.replicaCount')), { expression: 'searchReplicas', references: ['searchReplicas'] });
    assert.deepEqual(plain(at(byName('blobs').body, 'properties.deleteRetentionPolicy.days')), -1);
    const storageProperties = at(byName('storage').body, 'properties') as ObjectValue;
    assert.deepEqual(plain(storageProperties), {
      object: [
        ['allowSharedKeyAccess', false],
        ['minimumTlsVersion', 'TLS1_2'],
        ['...', { expression: '{ supportsHttpsTrafficOnly: true }', references: [] }],
      ],
    });

    // Spans: the declaration (decorators included), the symbolic name, keys, entries and the object's inside.
    assert.ok(text.slice(aoai.span.start, aoai.span.end).startsWith("resource aoai 'Microsoft.CognitiveServices"));
    assert.ok(text.slice(aoai.span.start, aoai.span.end).endsWith('}]\n}'));
    assert.equal(text.slice(aoai.nameSpan.start, aoai.nameSpan.end), 'aoai');
    const kind = aoai.body.entries.find((e) => e.key === 'kind')!;
    assert.equal(text.slice(kind.keySpan.start, kind.keySpan.end), 'kind');
    assert.equal(text.slice(kind.span.start, kind.span.end), "kind: 'OpenAI'");
    assert.equal(kind.isBlock, false);
    const semantic = (at(byName('search').body, 'properties') as ObjectValue).entries.find((e) => e.key === 'semanticSearch')!;
    assert.equal(text.slice(semantic.keySpan.start, semantic.keySpan.end), "'semanticSearch'");
    const sku = at(byName('search').body, 'sku') as ObjectValue;
    assert.equal(text.slice(sku.bodySpan.start, sku.bodySpan.end), " name: 'standard' ");
  });

  it('lists modules with their source, inputs, loop and condition', () => {
    const { text, model } = modelOf('model/ai-workload.bicep');
    const [monitoring, endpoints] = model.modules;
    assert.equal(monitoring!.source, './modules/monitoring.bicep');
    assert.equal(text.slice(monitoring!.sourceSpan.start, monitoring!.sourceSpan.end), "'./modules/monitoring.bicep'");
    assert.deepEqual(plain(monitoring!.inputs), {
      object: [
        ['location', { expression: 'location', references: ['location'] }],
        ['targetId', { expression: 'aoai.id', references: ['aoai.id'] }],
        ['keyVaultUri', { expression: 'vault.properties.vaultUri', references: ['vault.properties.vaultUri'] }],
      ],
    });
    assert.equal(monitoring!.isLoop, false);
    assert.equal(endpoints!.source, 'br/public:avm/res/network/private-endpoint:0.11.1');
    assert.equal(endpoints!.isLoop, true);
    assert.deepEqual(plain(endpoints!.condition!), { expression: '!empty(allowedIps)', references: ['allowedIps'] });
    assert.deepEqual(plain(endpoints!.inputs), { object: [['name', { expression: "'pe-${name}'", references: [] }]] });
  });

  it('lists parameters with defaults, variables and every declaration', () => {
    const { model } = modelOf('model/ai-workload.bicep');
    assert.deepEqual(
      model.parameters.map((p) => [p.name, p.defaultValue && plain(p.defaultValue)]),
      [
        ['location', { expression: 'resourceGroup().location', references: [] }],
        ['searchReplicas', 2],
        ['deployments', { array: [{ object: [['name', 'gpt-4o'], ['capacity', 10]] }] }],
        ['allowedIps', { array: [] }],
      ],
    );
    assert.deepEqual(
      model.variables.map((v) => [v.name, plain(v.value)]),
      [
        ['suffix', { expression: 'uniqueString(resourceGroup().id)', references: [] }],
        ['aoaiName', { expression: "'aoai-${suffix}'", references: ['suffix'] }],
      ],
    );
    assert.deepEqual(
      model.declarations.map((d) => `${d.kind} ${d.name}`),
      ['targetScope ', 'param location', 'param searchReplicas', 'param deployments', 'param allowedIps', 'var suffix', 'var aoaiName', 'resource aoai', 'resource search', 'resource storage', 'resource blobs', 'resource vault', 'resource diagnostics', 'module monitoring', 'module endpoints', 'output endpoint', 'output chatNames'],
    );
    assert.deepEqual(model.parseErrors, []);
  });

  it('builds nested children, parent properties and filtered loops of resources.bicep', () => {
    const { model } = modelOf('valid/resources.bicep');
    assert.deepEqual(
      model.resources.map((r) => `${r.name} ${r.type} parent=${r.parent ?? '-'}${r.isLoop ? ' loop' : ''}${r.condition?.kind === 'expression' ? ` if ${r.condition.text}` : ''}`),
      [
        'storage Microsoft.Storage/storageAccounts parent=-',
        'aoai Microsoft.CognitiveServices/accounts parent=-',
        'aoai::chat Microsoft.CognitiveServices/accounts/deployments parent=aoai loop',
        'aoai::policy Microsoft.CognitiveServices/accounts/raiPolicies parent=aoai if enablePrivate',
        'blobService Microsoft.Storage/storageAccounts/blobServices parent=storage',
        'containers Microsoft.Storage/storageAccounts/blobServices/containers parent=blobService loop',
        'filtered Microsoft.Network/privateEndpoints parent=- loop if subnet.enabled',
        'conditional Microsoft.Insights/components parent=- if !enablePrivate && length(subnets) > 0',
      ],
    );
    // The filter mentions the loop variable, which is no reference.
    const filtered = model.resources.find((r) => r.name === 'filtered')!;
    assert.deepEqual(plain(filtered.condition!), { expression: 'subnet.enabled', references: [] });
    assert.deepEqual(plain(at(filtered.body, 'properties.subnet.id')), { expression: 'subnet.id', references: [] });
    assert.deepEqual(
      model.modules.map((m) => `${m.name} ${m.source} inputs=${m.inputs.entries.length}${m.isLoop ? ' loop' : ''}${m.condition ? ' if' : ''}`),
      [
        'network ./modules/network.bicep inputs=2',
        'registry br/public:avm/res/network/private-endpoint:0.11.1 inputs=2 if',
        'alias br:contoso.azurecr.io/bicep/modules/core:v1 inputs=0 loop',
        'spec ts:00000000-0000-0000-0000-000000000000/rg/spec:1.0 inputs=0',
      ],
    );
  });

  it('reads .bicepparam files: the template named by using, and assignments as variables', () => {
    const { text, model } = modelOf('valid/main.bicepparam', 'bicepparam');
    assert.equal(model.fileKind, 'bicepparam');
    assert.equal(model.using?.path, './resources.bicep');
    assert.equal(text.slice(model.using!.span.start, model.using!.span.end), "'./resources.bicep'");
    assert.deepEqual(model.parameters, []);
    assert.deepEqual(
      model.variables.map((v) => [v.name, plain(v.value)]),
      [
        ['location', 'westeurope'],
        ['deployments', { array: [{ object: [['name', 'chat'], ['model', { object: [['format', 'OpenAI'], ['name', 'gpt-4o']] }]] }] }],
        ['enablePrivate', true],
        ['subnets', { array: [] }],
      ],
    );
    assert.deepEqual(model.declarations.map((d) => d.kind), ['using', 'param', 'param', 'param', 'param']);
    const none = modelOf('valid/none.bicepparam', 'bicepparam').model;
    assert.equal(none.using, undefined);
    assert.deepEqual(none.variables.map((v) => v.name), ['anything']);
  });

  it('marks declarations and entries that hold a parse error', () => {
    const { model } = modelOf('recovery/half-typed-property.bicep');
    const aoai = model.resources.find((r) => r.name === 'aoai')!;
    assert.equal(aoai.hasError, true);
    assert.deepEqual(aoai.body.entries.map((e) => [e.key, e.hasError]), [['name', false], ['properties', true], ['location', true]]);
    assert.equal(model.resources.find((r) => r.name === 'search')!.hasError, false);
    assert.ok(model.parseErrors.length > 0);
    assert.deepEqual(model.declarations.filter((d) => d.hasError).map((d) => d.name), ['aoai', 'pending', 'missingType', 'notYetTyped']);
  });

  /** [source, expected plain value] */
  const VALUES: [string, unknown][] = [
    ["'plain'", 'plain'],
    ["'it\\'s \\\\ \\n \\t \\$ \\u{1F600}'", "it's \\ \n \t $ 😀"],
    ["'''\nverbatim \\n ${x}\n'''", 'verbatim \\n ${x}\n'],
    ["'''no break'''", 'no break'],
    ['42', 42],
    ['-7', -7],
    ['true', true],
    ['null', null],
    ['[1, \'a\', false]', { array: [1, 'a', false] }],
    ["{ 'a-b': 1, c: { d: [] } }", { object: [['a-b', 1], ['c', { object: [['d', { array: [] }]] }]] }],
    ["'a${b.c}d'", { expression: "'a${b.c}d'", references: ['b.c'] }],
    ['a.?b.c!', { expression: 'a.?b.c!', references: ['a.b.c'] }],
    ["a['b-c'].d", { expression: "a['b-c'].d", references: ['a.b-c.d'] }],
    ['a[i].b', { expression: 'a[i].b', references: ['a', 'i'] }],
    ['parent::child.properties.x', { expression: 'parent::child.properties.x', references: ['parent::child.properties.x'] }],
    ['concat(a, sys.string(b), az.resourceGroup().id)', { expression: 'concat(a, sys.string(b), az.resourceGroup().id)', references: ['a', 'b'] }],
    ['storage.listKeys().keys[0].value', { expression: 'storage.listKeys().keys[0].value', references: ['storage'] }],
    ['map(xs, x => x.name ?? y)', { expression: 'map(xs, x => x.name ?? y)', references: ['xs', 'y'] }],
    ['[for (x, i) in xs: x[i] + z]', { expression: '[for (x, i) in xs: x[i] + z]', references: ['xs', 'z'] }],
    ['cond ? a.b : a.b', { expression: 'cond ? a.b : a.b', references: ['cond', 'a.b'] }],
    ['(1)', { expression: '(1)', references: [] }],
    ['{ ...base, a: 1 }', { object: [['...', { expression: 'base', references: ['base'] }], ['a', 1]] }],
    ['[...xs, 1]', { array: [{ expression: '...xs', references: ['xs'] }, 1] }],
  ];

  for (const [source, expected] of VALUES) {
    it(`turns ${JSON.stringify(source)} into its value`, () => assert.deepEqual(plain(valueOf(source)), expected));
  }

  it('never throws building the model of a broken file', () => {
    for (const text of ["resource r 'a/b@1' = [for", "module m = if (", "resource r 'a@1' = {\n  resource c", 'param p = ', "resource r 'x' existing = {"]) {
      const model = bicepToModel('b.bicep', text, parseBicep(text), 'bicep');
      assert.ok(model.parseErrors.length > 0);
    }
  });
});
