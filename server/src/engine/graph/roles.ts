// The names of the Azure built-in roles an AI workload commonly grants, by role definition id, so a GUID in code can be shown by name.

/**
 * Built-in role definition ids (lower case) and the roles' names.
 * Bicep and ARM name a role by its definition GUID, which says nothing to a reader; Terraform usually names it.
 * The ids are fixed by Azure for every tenant. Each was checked against Microsoft's list of built-in roles,
 * https://learn.microsoft.com/azure/role-based-access-control/built-in-roles (the source file is
 * articles/role-based-access-control/built-in-roles.md of MicrosoftDocs/azure-docs, dated 2026-04-09), whose ID column
 * gives these values. Foundry User was named Azure AI User before (its anchor on that page is still `azure-ai-user`).
 */
const BUILT_IN_ROLES: ReadonlyMap<string, string> = new Map([
  // AI + machine learning
  ['5e0bd9bd-7b93-4f28-af87-19fc36ad61bd', 'Cognitive Services OpenAI User'],
  ['a001fd3d-188f-4b5d-821b-7da978bf7442', 'Cognitive Services OpenAI Contributor'],
  ['a97b65f3-24c7-4388-baec-2e87135dc908', 'Cognitive Services User'],
  ['25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68', 'Cognitive Services Contributor'],
  ['64702f94-c441-49e6-a78b-ef80e0188fee', 'Azure AI Developer'],
  ['53ca6127-db72-4b80-b1b0-d745d6d5456d', 'Foundry User'],
  ['1407120a-92aa-4202-b7e9-c0e197c71c8f', 'Search Index Data Reader'],
  ['8ebe5a00-799e-43f5-93ac-243d3dce84a7', 'Search Index Data Contributor'],
  ['7ca78c08-252a-4471-8644-bb5ff32d4ba0', 'Search Service Contributor'],
  // Storage
  ['2a2b9908-6ea1-4ae2-8e65-a410df84e7d1', 'Storage Blob Data Reader'],
  ['ba92f5b4-2d11-453d-a403-e96b0029c9fe', 'Storage Blob Data Contributor'],
  ['b7e6dc6d-f1e8-4753-8033-0f276bb0955b', 'Storage Blob Data Owner'],
  // Security
  ['4633458b-17de-408a-b874-0445c86b69e6', 'Key Vault Secrets User'],
  ['b86a8fe4-44ce-4948-aee5-eccb2c155cd7', 'Key Vault Secrets Officer'],
  ['e147488a-f6f5-4113-8e2d-b22465e65bf6', 'Key Vault Crypto Service Encryption User'],
  // Containers
  ['7f951dda-4ed3-4680-a7ca-43fe172d538d', 'AcrPull'],
  // Monitor
  ['43d0d8ad-25c7-4714-9337-8ba259a9fe05', 'Monitoring Reader'],
  ['749f88d5-cbae-40b8-bcfc-e573ddc772fa', 'Monitoring Contributor'],
  // Privileged and general
  ['b24988ac-6180-42a0-ab88-20f7382dd24c', 'Contributor'],
  ['8e3af657-a8ff-443c-a75c-2fe8c4bcb635', 'Owner'],
  ['acdd72a7-3385-48ef-bd42-f606fba81ae7', 'Reader'],
]);

/** Every role the table knows, as `[definition id, name]` pairs. */
export function builtInRoles(): ReadonlyArray<readonly [id: string, name: string]> {
  return [...BUILT_IN_ROLES];
}

/**
 * The name of a built-in role from its definition id: a bare GUID or a whole resource id ending in one, in any case.
 * Undefined for a role the table does not know (a custom role, or a built-in role an AI workload rarely grants).
 */
export function builtInRoleName(definitionId: string): string | undefined {
  const guid = definitionId.trim().replace(/^.*\//, '').toLowerCase();
  return BUILT_IN_ROLES.get(guid);
}

/** How to show a role: its name when the table knows its id, else what the code says (a name already, or an unknown GUID). */
export function roleLabel(role: string): string {
  return builtInRoleName(role) ?? role;
}
