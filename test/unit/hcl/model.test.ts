// The FileModel of Terraform files: a golden outline of the representative sample, and the rules it follows.
import * as assert from 'node:assert/strict';
import { hclToModel, parseHcl } from '../../../server/src/engine/parse/hcl';
import type { Entry, FileModel, ObjectValue, Resource, Value } from '../../../server/src/engine/model/types';
import { baseline, modelViolations, position, readFixture } from './support';

function modelOf(text: string, kind: 'tf' | 'tfvars' = 'tf'): FileModel {
  return hclToModel(`sample.${kind}`, text, parseHcl(text), kind);
}

/** A value on one line: literals as JSON, expressions as source text with their references. */
function renderValue(value: Value): string {
  switch (value.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return JSON.stringify(value.value);
    case 'null':
      return 'null';
    case 'array':
      return `[${value.items.map(renderValue).join(', ')}]`;
    case 'object':
      return `{${value.entries.map((e) => `${e.key} = ${renderValue(e.value)}`).join(', ')}}`;
    case 'expression':
      return `\`${value.text.replace(/\s+/g, ' ')}\` refs(${value.references.join(' ')})`;
  }
}

/** A block body as indented lines: attributes `key = value`, blocks `key labels {` with their own entries. */
function renderBody(body: ObjectValue, text: string, indent: string, lines: string[]): void {
  for (const entry of body.entries) lines.push(...renderEntry(entry, text, indent));
}

function renderEntry(entry: Entry, text: string, indent: string): string[] {
  const flags = `${entry.hasError ? ' <error>' : ''}`;
  if (!entry.isBlock) return [`${indent}${entry.key} = ${renderValue(entry.value)}${flags}`];
  const lines = [`${indent}${entry.dynamic ? 'dynamic ' : ''}${[entry.key, ...(entry.labels ?? []).map((l) => JSON.stringify(l))].join(' ')} {${flags}  @${position(text, entry.span.start)}`];
  if (entry.value.kind === 'object') renderBody(entry.value, text, indent + '  ', lines);
  return lines;
}

/** The whole model as a reviewable outline (the golden baseline's format). */
function renderModel(model: FileModel, text: string): string {
  const lines: string[] = [];
  const at = (span: { start: number; end: number }) => `@${position(text, span.start)}-${position(text, span.end)}`;
  for (const r of model.resources) {
    lines.push(`resource ${r.name} type=${r.type} existing=${r.existing} loop=${r.isLoop}${r.condition ? ` condition=${renderValue(r.condition)}` : ''}${r.hasError ? ' <error>' : ''} ${at(r.span)} name${at(r.nameSpan)}`);
    renderBody(r.body, text, '  ', lines);
  }
  for (const p of model.parameters) lines.push(`parameter ${p.name} ${at(p.span)}${p.defaultValue ? ` default=${renderValue(p.defaultValue)}` : ''}`);
  for (const v of model.variables) lines.push(`variable ${v.name} ${at(v.span)} = ${renderValue(v.value)}`);
  for (const m of model.modules) {
    lines.push(`module ${m.name} source=${JSON.stringify(m.source)} loop=${m.isLoop}${m.condition ? ` condition=${renderValue(m.condition)}` : ''} ${at(m.span)}`);
    renderBody(m.inputs, text, '  ', lines);
  }
  for (const d of model.declarations) lines.push(`declaration ${d.kind} ${JSON.stringify(d.name)}${d.hasError ? ' <error>' : ''} ${at(d.span)}`);
  return lines.join('\n') + '\n';
}

function resource(model: FileModel, name: string): Resource {
  const found = model.resources.find((r) => r.name === name);
  assert.ok(found, `no resource ${name}`);
  return found;
}

describe('HCL model', () => {
  const text = readFixture('model/representative.tf');
  const model = modelOf(text);

  it('matches the golden outline of the representative sample', () => {
    assert.deepEqual(model.parseErrors, []);
    const { expected, actual } = baseline('model/representative.tf.model', renderModel(model, text));
    assert.equal(actual, expected);
  });

  it('keeps every span of the model inside the text and every part inside its whole', () => {
    assert.deepEqual(modelViolations(text, model), []);
  });

  it('names resources by Terraform address and marks data sources as existing', () => {
    assert.deepEqual(
      model.resources.map((r) => [r.name, r.type, r.existing]),
      [
        ['data.azurerm_client_config.current', 'azurerm_client_config', true],
        ['azurerm_cognitive_account.aoai', 'azurerm_cognitive_account', false],
        ['azurerm_cognitive_deployment.models', 'azurerm_cognitive_deployment', false],
        ['azurerm_search_service.search', 'azurerm_search_service', false],
        ['azurerm_private_endpoint.pe', 'azurerm_private_endpoint', false],
      ],
    );
    const aoai = resource(model, 'azurerm_cognitive_account.aoai');
    assert.equal(text.slice(aoai.nameSpan.start, aoai.nameSpan.end), '"aoai"');
    assert.ok(text.slice(aoai.span.start, aoai.span.end).startsWith('resource "azurerm_cognitive_account" "aoai" {'));
    assert.equal(text[aoai.body.span.start], '{');
    assert.equal(text[aoai.body.span.end - 1], '}');
  });

  it('turns nested blocks into block entries, repeated blocks into repeated entries, dynamic blocks into their content', () => {
    const entries = resource(model, 'azurerm_cognitive_account.aoai').body.entries;
    assert.deepEqual(
      entries.filter((e) => e.isBlock).map((e) => [e.key, e.dynamic ?? false]),
      [
        ['identity', false],
        ['network_acls', false],
        ['network_acls', false],
        ['customer_managed_key', true],
      ],
    );
    const dynamic = entries.find((e) => e.dynamic)!;
    assert.equal(dynamic.value.kind, 'object');
    assert.deepEqual(
      dynamic.value.kind === 'object' ? dynamic.value.entries.map((e) => e.key) : [],
      ['key_vault_key_id', 'identity_client_id'],
    );
  });

  it('reads count and for_each as loops, except a count of 0 or 1 chosen by a condition', () => {
    assert.deepEqual(
      model.resources.map((r) => [r.name, r.isLoop, r.condition ? renderValue(r.condition) : undefined]),
      [
        ['data.azurerm_client_config.current', false, undefined],
        ['azurerm_cognitive_account.aoai', false, undefined],
        ['azurerm_cognitive_deployment.models', true, undefined],
        ['azurerm_search_service.search', false, '`var.enable_search ? 1 : 0` refs(var.enable_search)'],
        ['azurerm_private_endpoint.pe', true, '`length(var.subnets)` refs(var.subnets)'],
      ],
    );
  });

  it('passes module inputs without the meta-arguments', () => {
    const storage = model.modules[0]!;
    assert.equal(storage.name, 'module.storage');
    assert.equal(storage.source, 'Azure/avm-res-storage-storageaccount/azurerm');
    assert.equal(text.slice(storage.sourceSpan.start, storage.sourceSpan.end), '"Azure/avm-res-storage-storageaccount/azurerm"');
    assert.deepEqual(
      storage.inputs.entries.map((e) => e.key),
      ['name', 'shared_access_key_enabled'],
    );
    assert.equal(storage.isLoop, true);
  });

  it('reads variables as parameters, locals entries and .tfvars attributes as variables', () => {
    assert.deepEqual(
      model.parameters.map((p) => [p.name, p.defaultValue ? renderValue(p.defaultValue) : undefined]),
      [
        ['prefix', '"chat"'],
        ['deployments', '{gpt4o = {model = "gpt-4o", capacity = 10}}'],
        ['enable_search', undefined],
      ],
    );
    assert.deepEqual(
      model.variables.map((v) => v.name),
      ['name', 'location', 'tags'],
    );
    const vars = modelOf('location = "westeurope"\nreplicas = 3\n', 'tfvars');
    assert.deepEqual(
      vars.variables.map((v) => [v.name, renderValue(v.value)]),
      [
        ['location', '"westeurope"'],
        ['replicas', '3'],
      ],
    );
    assert.deepEqual(
      vars.declarations.map((d) => [d.kind, d.name]),
      [
        ['attribute', 'location'],
        ['attribute', 'replicas'],
      ],
    );
  });

  it('flags a resource and the entry that hold a parse error, and no other', () => {
    const broken = 'resource "t" "a" {\n  ok = 1\n  bad = \n}\n\nresource "t" "b" {\n  ok = 1\n}\n';
    const m = modelOf(broken);
    assert.equal(m.parseErrors.length, 1);
    assert.deepEqual(
      m.resources.map((r) => [r.name, r.hasError]),
      [
        ['t.a', true],
        ['t.b', false],
      ],
    );
    assert.deepEqual(
      m.resources[0]!.body.entries.map((e) => [e.key, e.hasError]),
      [
        ['ok', false],
        ['bad', true],
      ],
    );
  });
});
