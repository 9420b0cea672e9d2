// Writes references to Terraform resources in fixes, only where Terraform itself could resolve them.
import type { Resource } from '../model/types';
import { identEnd, isIdentStartAt } from '../parse/hcl/lexer';

/**
 * True when `name` is one HCL identifier: a letter or `_`, then letters, digits, `_` and `-` (Unicode letters included),
 * by the same test the Terraform front end uses for the words of a reference.
 */
export function isHclIdentifier(name: string): boolean {
  return name.length > 0 && isIdentStartAt(name, 0, name.length) && identEnd(name, 0, name.length) === name.length;
}

/**
 * The address by which Terraform code refers to a resource (`azurerm_x.name`, `data.azurerm_x.name`), or undefined when
 * it has none: Terraform rejects a block whose type or name label is no identifier ("Invalid resource name: A name must
 * start with a letter or underscore and may contain only letters, digits, underscores, and dashes"), and
 * `azurerm_x.my bob.id` would not even parse. A fix that needs the reference is then not offered.
 */
export function terraformAddress(resource: Resource): string | undefined {
  if (resource.language !== 'terraform') return undefined;
  const address = resource.existing ? resource.name.slice('data.'.length) : resource.name;
  const words = address.split('.');
  return words.length === 2 && words.every(isHclIdentifier) ? resource.name : undefined;
}
