// The azapi rewrite: `azapi_resource` blocks become resources of their ARM type whose body ARM paths can read.
import * as assert from 'node:assert/strict';
import { applyAzapi } from '../../../server/src/engine/model/azapi';
import type { FileModel, ObjectValue, Resource, Value } from '../../../server/src/engine/model/types';
import { hclToModel, parseHcl } from '../../../server/src/engine/parse/hcl';
import { parseToModel } from '../../../server/src/engine/parse';
import { lookup } from '../../../server/src/engine/rules/helpers/lookup';

function rawModel(text: string): FileModel {
  return hclToModel('main.tf', text, parseHcl(text), 'tf');
}

function only(model: FileModel): Resource {
  assert.equal(model.resources.length, 1);
  return model.resources[0]!;
}

/** The literal at `path` in an azapi body, read the way rules read it. */
function literalAt(resource: Resource, path: string[]): unknown {
  const found = lookup(resource.body, path, resource.language, false);
  assert.equal(found.state, 'known', `${path.join('.')} should be known`);
  const value = (found as { value: Value }).value;
  return 'value' in value ? value.value : value.kind;
}

const ENDPOINT = `resource "azapi_resource" "ep" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-10-01"
  name      = "ep-chat"
  parent_id = azapi_resource.ws.id
  location  = "swedencentral"
  body = {
    properties = {
      authMode = "Key"
    }
  }
}
`;

describe('azapi rewrite', () => {
  it('turns an HCL object body into the ARM body of a resource of the ARM type', () => {
    const resource = only(applyAzapi(rawModel(ENDPOINT), ENDPOINT));
    assert.equal(resource.type, 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints');
    assert.equal(resource.apiVersion, '2024-10-01');
    assert.equal(resource.azapi, true);
    assert.equal(resource.language, 'terraform');
    assert.equal(resource.name, 'azapi_resource.ep');
    assert.equal(resource.existing, false);
    assert.equal(resource.parent, 'azapi_resource.ws');
    assert.equal(ENDPOINT.slice(resource.nameSpan.start, resource.nameSpan.end), '"ep"');
    assert.equal(literalAt(resource, ['properties', 'authMode']), 'Key');
    // Block-level arguments are not part of the ARM body.
    assert.equal(lookup(resource.body, ['location'], 'terraform').state, 'absent');
  });

  it('reads the object inside jsonencode(…), with spans in the whole file', () => {
    const text = `resource "azapi_resource" "ep" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2023-10-01"
  name      = "ep-legacy"
  parent_id = var.workspace_id
  body = jsonencode({
    properties = {
      "authMode" : "AMLToken",
      publicNetworkAccess = "Disabled"
    }
  })
}
`;
    const resource = only(applyAzapi(rawModel(text), text));
    assert.equal(resource.type, 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints');
    assert.equal(resource.apiVersion, '2023-10-01');
    assert.equal(resource.parent, undefined, 'var.workspace_id names no resource');
    assert.equal(literalAt(resource, ['properties', 'authMode']), 'AMLToken');
    const found = lookup(resource.body, ['properties', 'publicNetworkAccess'], 'terraform', false);
    assert.ok(found.state === 'known');
    assert.equal(text.slice(found.entry.span.start, found.entry.span.end), 'publicNetworkAccess = "Disabled"');
    assert.equal(text.slice(found.entry.value.span.start, found.entry.value.span.end), '"Disabled"');
    assert.equal(text.slice(resource.body.span.start, resource.body.span.start + 1), '{');
    assert.equal(text[resource.body.span.end - 1], '}');
  });

  it('leaves an interpolated, unversioned or malformed type alone', () => {
    for (const type of ['"${local.type}@2024-10-01"', '"Microsoft.MachineLearningServices/workspaces"', '"not a type@2024"', 'var.type']) {
      const text = `resource "azapi_resource" "x" {\n  type      = ${type}\n  parent_id = var.rg_id\n  body      = { properties = {} }\n}\n`;
      const resource = only(applyAzapi(rawModel(text), text));
      assert.equal(resource.type, 'azapi_resource', type);
      assert.equal(resource.azapi, undefined, type);
    }
  });

  it('rewrites a data source with no body as an existing resource', () => {
    const text = `data "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-10-01"
  name      = "mlw-shared"
  parent_id = azurerm_resource_group.rg.id
}
`;
    const resource = only(applyAzapi(rawModel(text), text));
    assert.equal(resource.type, 'Microsoft.MachineLearningServices/workspaces');
    assert.equal(resource.name, 'data.azapi_resource.ws');
    assert.equal(resource.existing, true);
    assert.equal(resource.azapi, true);
    assert.deepEqual(resource.body.entries, []);
  });

  it('leaves a resource without a body alone: it declares nothing to judge', () => {
    const text = `resource "azapi_resource" "x" {\n  type      = "Microsoft.MachineLearningServices/workspaces@2024-10-01"\n  parent_id = var.rg_id\n}\n`;
    assert.equal(only(applyAzapi(rawModel(text), text)).type, 'azapi_resource');
  });

  it('makes a body the code does not spell out unknown rather than absent', () => {
    for (const body of ['local.body', 'merge(local.defaults, { properties = {} })', 'jsonencode(local.body)']) {
      const text = `resource "azapi_resource" "x" {\n  type      = "Microsoft.MachineLearningServices/workspaces@2024-10-01"\n  parent_id = var.rg_id\n  body      = ${body}\n}\n`;
      const resource = only(applyAzapi(rawModel(text), text));
      assert.equal(resource.type, 'Microsoft.MachineLearningServices/workspaces', body);
      assert.equal(lookup(resource.body, ['properties', 'publicNetworkAccess'], 'terraform', false).state, 'unknown', body);
      assert.equal(lookup(resource.body, ['kind'], 'terraform', false).state, 'unknown', body);
    }
  });

  it('is pure: it returns a new model and leaves the input and other resources untouched', () => {
    const text = `${ENDPOINT}\nresource "azurerm_resource_group" "rg" {\n  name     = "rg"\n  location = "swedencentral"\n}\n`;
    const input = rawModel(text);
    const before = JSON.stringify(input);
    const output = applyAzapi(input, text);
    assert.equal(JSON.stringify(input), before);
    assert.notEqual(output, input);
    assert.equal(output.resources[1], input.resources[1]);
    const plain = rawModel('resource "azurerm_resource_group" "rg" {\n  name = "rg"\n}\n');
    assert.equal(applyAzapi(plain, ''), plain, 'a file without azapi resources is returned as it is');
  });

  it('is applied to every Terraform file the engine parses', () => {
    const resource = only(parseToModel('main.tf', ENDPOINT, 'tf'));
    assert.equal(resource.type, 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints');
    const body = resource.body as ObjectValue;
    assert.equal(body.entries[0]?.key, 'properties');
  });
});
