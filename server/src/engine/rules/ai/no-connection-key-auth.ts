// Foundry connections to Azure services that accept Microsoft Entra ID should not authenticate with shared keys.
import type { Rule, RuleContext } from '../rule';
import { describeLiteral, lookup } from '../helpers/lookup';
import { CONNECTION_TYPES, connectionLabel } from './shared/resources';

/**
 * Connection categories whose target accepts Microsoft Entra ID: those azurerm offers through
 * `azurerm_cognitive_account_connection_entra_id` or `_account_managed_identity`.
 */
const ENTRA_CATEGORIES = new Map(
  [
    'AIServices',
    'ApiManagement',
    'AppConfig',
    'AzureKeyVault',
    'AzureOpenAI',
    'AzureStorageAccount',
    'CognitiveSearch',
    'CognitiveService',
    'CosmosDb',
    'Databricks',
    'ManagedOnlineEndpoint',
  ].map((c) => [c.toLowerCase(), c]),
);

/** Shared-secret authentication types of the ARM `ConnectionAuthType` enum. */
const KEY_AUTH = new Set(['apikey', 'accountkey', 'accesskey', 'sas']);

const rule: Rule = {
  id: 'no-connection-key-auth',
  resourceTypes: CONNECTION_TYPES,
  messages: {
    keyBicep:
      '{{label}} "{{name}}" reaches its `{{category}}` target with a shared key: `properties.authType` is {{value}}, though `{{category}}` accepts Microsoft Entra ID: a leaked key works for anyone and carries no identity.',
    keyTerraform:
      '{{label}} "{{name}}" reaches its `{{category}}` target with a shared key, though `{{category}}` accepts Microsoft Entra ID: a leaked key works for anyone and carries no identity; use `azurerm_cognitive_account_connection_entra_id`.',
    undetermined: 'Could not determine `{{setting}}` of {{label}} "{{name}}": {{reason}}.',
  },
  fixable: false,
  settings: [
    { language: 'bicep', setting: 'properties.authType', recommended: "'AAD' (or a managed identity type)", absentIsAligned: true },
    { language: 'terraform', setting: 'resource type', recommended: 'azurerm_cognitive_account_connection_entra_id', absentIsAligned: true },
  ],
  check(ctx: RuleContext): void {
    const resource = ctx.resource;
    const label = connectionLabel(resource);
    const categoryPath = ctx.language === 'bicep' ? ['properties', 'category'] : ['category'];
    const category = lookup(resource.body, categoryPath, ctx.language);
    if (ctx.language === 'terraform') {
      // `_account_key` accepts only `AzureStorageAccount`; `_api_key` accepts many categories, some without Entra ID support.
      if (resource.type === 'azurerm_cognitive_account_connection_account_key') {
        ctx.report({ messageId: 'keyTerraform', data: { label, category: 'AzureStorageAccount' }, at: resource.nameSpan });
        return;
      }
      if (category.state === 'unknown') {
        ctx.report({ messageId: 'undetermined', data: { label, setting: 'category', reason: category.reason }, at: category.at?.value.span ?? resource.nameSpan, undetermined: true });
        return;
      }
      if (category.state !== 'known' || category.value.kind !== 'string') return;
      const target = ENTRA_CATEGORIES.get(category.value.value.toLowerCase());
      if (target) ctx.report({ messageId: 'keyTerraform', data: { label, category: target }, at: resource.nameSpan });
      return;
    }
    const auth = lookup(resource.body, ['properties', 'authType'], ctx.language);
    if (auth.state === 'absent') return;
    if (auth.state === 'unknown') {
      ctx.report({ messageId: 'undetermined', data: { label, setting: 'properties.authType', reason: auth.reason }, at: auth.at?.value.span ?? resource.nameSpan, undetermined: true });
      return;
    }
    if (auth.value.kind !== 'string' || !KEY_AUTH.has(auth.value.value.toLowerCase())) return;
    if (category.state === 'unknown') {
      ctx.report({ messageId: 'undetermined', data: { label, setting: 'properties.category', reason: category.reason }, at: category.at?.value.span ?? resource.nameSpan, undetermined: true });
      return;
    }
    if (category.state !== 'known' || category.value.kind !== 'string') return;
    const target = ENTRA_CATEGORIES.get(category.value.value.toLowerCase());
    if (target) ctx.report({ messageId: 'keyBicep', data: { label, category: target, value: describeLiteral(auth.value) }, at: auth.entry.value.span });
  },
};

export default rule;
