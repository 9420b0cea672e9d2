// Resource types, human labels and shared readings (public access, SKU) for the ai rules; a subfolder, so the parity test does not take it for a rule.
import type { FileModel, Language, Resource, Value } from '../../../model/types';
import { aiAccountLabel } from '../../helpers/labels';
import { lookup } from '../../helpers/lookup';
import { literalString } from '../../helpers/settingRule';

/**
 * AI accounts. `azurerm_ai_services` is the azurerm 4.x resource for `kind = "AIServices"` accounts; azurerm 5.x removed it
 * in favour of `azurerm_cognitive_account`, but 4.x configurations still use it. The attributes the ai rules read have the
 * same names in both resources, except public access (`public_network_access = "Enabled" | "Disabled"` there) and key
 * authentication (`local_authentication_enabled` there).
 */
export const ACCOUNT_TYPES = {
  bicep: ['Microsoft.CognitiveServices/accounts'],
  terraform: ['azurerm_cognitive_account', 'azurerm_ai_services'],
} as const;

/** Foundry projects: accounts with project management hold them as child resources. */
export const PROJECT_TYPES = {
  bicep: ['Microsoft.CognitiveServices/accounts/projects'],
  terraform: ['azurerm_cognitive_account_project'],
} as const;

export const DEPLOYMENT_TYPES = {
  bicep: ['Microsoft.CognitiveServices/accounts/deployments'],
  terraform: ['azurerm_cognitive_deployment'],
} as const;

/** Content filter configurations ("RAI policies"). */
export const RAI_POLICY_TYPES = {
  bicep: ['Microsoft.CognitiveServices/accounts/raiPolicies'],
  terraform: ['azurerm_cognitive_account_rai_policy'],
} as const;

/**
 * Connections of a Foundry account or project. azurerm models each authentication type as its own resource
 * (`_api_key`, `_account_key`, `_entra_id`, `_account_managed_identity`, `_custom_keys`); only the key-based ones are read here.
 */
export const CONNECTION_TYPES = {
  bicep: ['Microsoft.CognitiveServices/accounts/connections', 'Microsoft.CognitiveServices/accounts/projects/connections'],
  terraform: ['azurerm_cognitive_account_connection_api_key', 'azurerm_cognitive_account_connection_account_key'],
} as const;

/** `Azure OpenAI account`, `Azure AI Services account`, … ; an `azurerm_ai_services` account has no `kind` but is one. */
export function accountLabel(resource: Resource): string {
  return resource.type === 'azurerm_ai_services' ? 'Azure AI Services account' : aiAccountLabel(resource);
}

export function accountOrProjectLabel(resource: Resource): string {
  return resource.type.toLowerCase().endsWith('/projects') || resource.type === 'azurerm_cognitive_account_project'
    ? 'Foundry project'
    : accountLabel(resource);
}

/** Labels start a sentence and also stand inside one, so they begin with a proper noun or an acronym. */
export const deploymentLabel = (): string => 'AI model deployment';
export const raiPolicyLabel = (): string => 'RAI policy';

export function connectionLabel(resource: Resource): string {
  return resource.type.toLowerCase().endsWith('/projects/connections') ? 'Foundry project connection' : 'Foundry account connection';
}

/** The account's `kind` in lower case; `azurerm_ai_services` accounts are always `aiservices`. */
export function accountKind(resource: Resource): string | undefined {
  if (resource.type === 'azurerm_ai_services') return 'aiservices';
  return literalString(resource, ['kind'])?.toLowerCase();
}

export type Reach = 'public' | 'private' | 'unknown';

/**
 * Whether the account accepts traffic from public networks. Absence means public in every language: ARM's
 * `publicNetworkAccess` is `Enabled` unless set, azurerm's `public_network_access_enabled` defaults to true and
 * `azurerm_ai_services`' `public_network_access` to `Enabled`.
 */
export function publicReach(resource: Resource): Reach {
  const language = resource.language;
  if (language === 'bicep') return fromString(resource, ['properties', 'publicNetworkAccess'], language);
  if (resource.type === 'azurerm_ai_services') return fromString(resource, ['public_network_access'], language);
  const found = lookup(resource.body, ['public_network_access_enabled'], language);
  if (found.state === 'absent') return 'public';
  if (found.state === 'known' && found.value.kind === 'bool') return found.value.value ? 'public' : 'private';
  return 'unknown';
}

function fromString(resource: Resource, path: readonly string[], language: Language): Reach {
  const found = lookup(resource.body, path, language);
  if (found.state === 'absent') return 'public';
  if (found.state === 'known' && found.value.kind === 'string') return found.value.value.toLowerCase() === 'disabled' ? 'private' : 'public';
  return 'unknown';
}

/** A deployment's SKU name in lower case (Bicep `sku.name`, Terraform `sku { name }`), when the code states it. */
export function deploymentSku(resource: Resource): string | undefined {
  return literalString(resource, ['sku', 'name'])?.toLowerCase();
}

/** Provisioned deployment types (`ProvisionedManaged`, `DataZoneProvisionedManaged`, `GlobalProvisionedManaged`). */
export function isProvisioned(sku: string | undefined): boolean {
  return sku !== undefined && sku.includes('provisioned');
}

/**
 * True when a value the code does not state as a literal refers to a content filter policy declared in the same file
 * (Bicep `policy.name`, Terraform `azurerm_cognitive_account_rai_policy.strict.name`): a custom policy, whatever its name.
 */
export function refersToRaiPolicy(value: Value, model: FileModel): boolean {
  if (value.kind !== 'expression') return false;
  const policies = model.resources.filter((r) => RAI_POLICY_TYPES[r.language].some((t) => t.toLowerCase() === r.type.toLowerCase()));
  return value.references.some((ref) => policies.some((p) => ref === `${p.name}.name`));
}
