// Which Terraform resources a fix may refer to by address: those whose type and name labels are identifiers.
import * as assert from 'node:assert/strict';
import { parseFile } from '../../../server/src/engine';
import { terraformAddress } from '../../../server/src/engine/fix/reference';

/** A resource header as written, and the address a fix may write for it (undefined: none). */
const CASES: Array<{ header: string; address: string | undefined }> = [
  { header: 'resource "azurerm_machine_learning_compute_instance" "bob"', address: 'azurerm_machine_learning_compute_instance.bob' },
  { header: 'resource "azurerm_machine_learning_compute_instance" "bob-gpu_2"', address: 'azurerm_machine_learning_compute_instance.bob-gpu_2' },
  { header: 'resource "azurerm_machine_learning_compute_instance" "_bob"', address: 'azurerm_machine_learning_compute_instance._bob' },
  { header: 'resource "azurerm_machine_learning_compute_instance" "bøb"', address: 'azurerm_machine_learning_compute_instance.bøb' },
  { header: 'data "azurerm_machine_learning_compute_instance" "bob"', address: 'data.azurerm_machine_learning_compute_instance.bob' },
  { header: 'resource "azurerm_machine_learning_compute_instance" "my bob"', address: undefined },
  { header: 'resource "azurerm_machine_learning_compute_instance" "1bob"', address: undefined },
  { header: 'resource "azurerm_machine_learning_compute_instance" "-bob"', address: undefined },
  { header: 'resource "azurerm_machine_learning_compute_instance" "bob.gpu"', address: undefined },
  { header: 'resource "azurerm_machine_learning_compute_instance" "bob\\"x"', address: undefined },
  { header: 'resource "azurerm_machine_learning_compute_instance" ""', address: undefined },
];

describe('terraformAddress: the references a fix may write', () => {
  for (const c of CASES) {
    it(`${c.header} → ${c.address ?? 'none'}`, () => {
      const text = `${c.header} {\n  name = "x"\n}\n`;
      const model = parseFile('/w/main.tf', text)!;
      assert.equal(model.resources.length, 1, 'the block is a resource of the model');
      assert.equal(terraformAddress(model.resources[0]!), c.address);
      // What the fix writes must parse as one reference to the resource.
      if (c.address) {
        const use = parseFile('/w/use.tf', `locals {\n  id = ${c.address}.id\n}\n`)!;
        assert.deepEqual(use.parseErrors, []);
        const value = use.variables[0]!.value;
        assert.ok(value.kind === 'expression' && value.references.some((r) => r.startsWith(`${c.address}.`)), `${c.address}.id refers to ${c.address}`);
      }
    });
  }

  it('a Bicep resource has no Terraform address', () => {
    const model = parseFile('/w/main.bicep', "resource bob 'Microsoft.MachineLearningServices/workspaces/computes@2024-10-01' = {\n  name: 'x'\n}\n")!;
    assert.equal(terraformAddress(model.resources[0]!), undefined);
  });
});
