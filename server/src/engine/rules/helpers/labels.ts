// Human names for resources in messages, so a finding says "Azure OpenAI account" rather than a type string.
import type { Resource } from '../../model/types';
import { literalString } from './settingRule';

const ACCOUNT_KINDS: Record<string, string> = {
  openai: 'Azure OpenAI account',
  aiservices: 'Azure AI Services account',
  contentsafety: 'Azure AI Content Safety account',
  formrecognizer: 'Azure AI Document Intelligence account',
  textanalytics: 'Azure AI Language account',
  speechservices: 'Azure AI Speech account',
  computervision: 'Azure AI Vision account',
};

/** `Azure OpenAI account`, `Azure AI Services account`, … from the account's `kind`, or a general name. */
export function aiAccountLabel(resource: Resource): string {
  const kind = literalString(resource, ['kind']);
  return (kind && ACCOUNT_KINDS[kind.toLowerCase()]) ?? 'Azure AI account';
}

/** Reads the value of Bicep `sku.name` or Terraform `sku`/`sku_name`, when stated. */
export function skuName(resource: Resource): string | undefined {
  if (resource.language === 'bicep') return literalString(resource, ['sku', 'name']);
  return literalString(resource, ['sku']) ?? literalString(resource, ['sku_name']);
}

export const AI_ACCOUNT_TYPES = { bicep: ['Microsoft.CognitiveServices/accounts'], terraform: ['azurerm_cognitive_account'] } as const;
export const SEARCH_TYPES = { bicep: ['Microsoft.Search/searchServices'], terraform: ['azurerm_search_service'] } as const;
