// Reads what a blob-service rule needs: the label of the resource, and facts about the storage account behind a Bicep blobServices child.
import type { Resource } from '../../../model/types';
import type { RuleContext } from '../../rule';
import { boolOf, find, stringOf } from './inspect';

/** `Blob service` for the Bicep child resource, `Storage account` for azurerm, where the settings sit on the account. */
export const blobServiceLabel = (resource: Resource): string => (resource.language === 'bicep' ? 'Blob service' : 'Storage account');

/** The storage account a Bicep blobServices child belongs to, when it is declared in the same file. */
function parentAccount(ctx: RuleContext): Resource | undefined {
  const parent = ctx.resource.parent;
  return parent === undefined ? undefined : ctx.model.resources.find((r) => r.name === parent);
}

/** True when the account has a hierarchical namespace (Data Lake Storage), where blob versioning is not supported. */
export function hasHierarchicalNamespace(ctx: RuleContext): boolean {
  if (ctx.language === 'terraform') return boolOf(find(ctx.resource, ['is_hns_enabled'])) === true;
  const account = parentAccount(ctx);
  return account !== undefined && boolOf(find(account, ['properties', 'isHnsEnabled'])) === true;
}

/** True for azurerm account kinds without a blob service (FileStorage) or without versioning (general-purpose v1). */
export function accountKindIs(ctx: RuleContext, kinds: readonly string[]): boolean {
  if (ctx.language !== 'terraform') return false;
  const kind = stringOf(find(ctx.resource, ['account_kind']))?.toLowerCase();
  return kind !== undefined && kinds.includes(kind);
}
