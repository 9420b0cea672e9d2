// AI accounts that hold sensitive data (fine-tuning files, stored completions, agent threads) may need customer-managed keys; platform keys are the minimum.
import type { FileModel, Resource } from '../../model/types';
import type { Rule, RuleContext } from '../rule';
import { lookup } from '../helpers/lookup';
import { ACCOUNT_TYPES, accountLabel } from './shared/resources';

/** azurerm also sets the key with a separate resource that points at the account through `cognitive_account_id`. */
const CMK_RESOURCE = 'azurerm_cognitive_account_customer_managed_key';

const rule: Rule = {
  id: 'prefer-customer-managed-key',
  resourceTypes: ACCOUNT_TYPES,
  messages: {
    platformBicep:
      '{{label}} "{{name}}" encrypts its data with Microsoft-managed keys: `properties.encryption.keySource` is {{value}}. Where the data\'s sensitivity calls for it, use a customer-managed key from Key Vault.',
    absentBicep:
      '{{label}} "{{name}}" encrypts its data with Microsoft-managed keys: `{{setting}}` is not set. Where the data\'s sensitivity calls for it, use a customer-managed key from Key Vault.',
    absentTerraform:
      '{{label}} "{{name}}" encrypts its data with Microsoft-managed keys: it has no `customer_managed_key` block, and no `azurerm_cognitive_account_customer_managed_key` in this file points at it. Where the data\'s sensitivity calls for it, use a customer-managed key from Key Vault.',
    undetermined: 'Could not determine the encryption keys of {{label}} "{{name}}": {{reason}}.',
  },
  fixable: false,
  settings: [
    { language: 'bicep', setting: 'properties.encryption.keySource', recommended: "'Microsoft.KeyVault'", absentIsAligned: false },
    { language: 'terraform', setting: 'customer_managed_key', recommended: 'a customer_managed_key block', absentIsAligned: false },
  ],
  check(ctx: RuleContext): void {
    const data = { label: accountLabel(ctx.resource) };
    if (ctx.language === 'bicep') {
      const found = lookup(ctx.resource.body, ['properties', 'encryption', 'keySource'], ctx.language);
      if (found.state === 'unknown') {
        ctx.report({ messageId: 'undetermined', data: { ...data, reason: found.reason }, at: found.at?.value.span ?? ctx.resource.nameSpan, undetermined: true });
      } else if (found.state === 'absent') {
        const setting = found.missing.length > 1 ? 'properties.encryption' : 'properties.encryption.keySource';
        ctx.report({ messageId: 'absentBicep', data: { ...data, setting }, at: ctx.resource.nameSpan });
      } else if (!(found.value.kind === 'string' && found.value.value.toLowerCase() === 'microsoft.keyvault')) {
        ctx.report({ messageId: 'platformBicep', data: { ...data, value: found.value.kind === 'string' ? `'${found.value.value}'` : found.value.kind }, at: found.entry.value.span });
      }
      return;
    }
    const block = lookup(ctx.resource.body, ['customer_managed_key'], ctx.language);
    if (block.state !== 'absent') return;
    if (keyedAccounts(ctx.model).has(ctx.resource.name)) return;
    ctx.report({ messageId: 'absentTerraform', data, at: ctx.resource.nameSpan });
  },
};

export default rule;

/** The account addresses that a key resource of the file points at, computed once per model: one scan, not one per account. */
const KEYED = new WeakMap<FileModel, Set<string>>();

function keyedAccounts(model: FileModel): Set<string> {
  let keyed = KEYED.get(model);
  if (!keyed) {
    keyed = new Set(model.resources.filter((r) => r.type === CMK_RESOURCE).flatMap(accountsReferenced));
    KEYED.set(model, keyed);
  }
  return keyed;
}

/** The accounts a key resource's `cognitive_account_id` refers to (`azurerm_cognitive_account.x.id` gives `azurerm_cognitive_account.x`). */
function accountsReferenced(keyResource: Resource): string[] {
  const id = lookup(keyResource.body, ['cognitive_account_id'], 'terraform');
  if (id.state !== 'unknown' || !id.at || id.at.value.kind !== 'expression') return [];
  return id.at.value.references.map((ref) => ref.split('.').slice(0, 2).join('.'));
}
