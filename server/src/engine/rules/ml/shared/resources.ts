// The Azure Machine Learning resource types the ml rules read, their human labels, and how to tell their kinds apart.
import type { FileModel, Resource, Value } from '../../../model/types';
import { lookup } from '../../helpers/lookup';
import type { LanguageSetting } from '../../helpers/settingRule';
import type { Variant } from './variantRule';

/** ARM types (Bicep, and Terraform `azapi_resource` bodies rewritten by `model/azapi.ts`). */
export const ARM_WORKSPACE = 'Microsoft.MachineLearningServices/workspaces';
export const ARM_COMPUTE = 'Microsoft.MachineLearningServices/workspaces/computes';
export const ARM_ENDPOINT = 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints';
export const ARM_DEPLOYMENT = 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments';

/** azurerm types. */
export const TF_WORKSPACE = 'azurerm_machine_learning_workspace';
export const TF_HUB = 'azurerm_ai_foundry';
export const TF_PROJECT = 'azurerm_ai_foundry_project';
export const TF_CLUSTER = 'azurerm_machine_learning_compute_cluster';
export const TF_INSTANCE = 'azurerm_machine_learning_compute_instance';

/** True when the resource has this type (ARM types compare case-insensitively). */
export function isType(resource: Resource, type: string): boolean {
  return resource.type.toLowerCase() === type.toLowerCase();
}

/** True for a resource declared with an ARM type: a Bicep resource or a Terraform `azapi_resource`. */
export function isArm(resource: Resource): boolean {
  return resource.language === 'bicep' || resource.azapi === true;
}

/** A top-level or nested string the code states outright, lower-cased; undefined otherwise. */
export function literal(resource: Resource, path: readonly string[]): string | undefined {
  const found = lookup(resource.body, path, resource.language);
  return found.state === 'known' && found.value.kind === 'string' ? found.value.value.toLowerCase() : undefined;
}

/** The workspace kind of an ARM workspace (`default`, `hub`, `project`, `featurestore`), `default` when not set. */
export function workspaceKind(resource: Resource): string | undefined {
  const found = lookup(resource.body, ['kind'], resource.language);
  if (found.state === 'absent') return 'default';
  return found.state === 'known' && found.value.kind === 'string' ? found.value.value.toLowerCase() : undefined;
}

/**
 * The variants of an ARM workspace setting that a hub-based project takes from its hub. A workspace whose kind the code
 * states is judged unless it is a project; one whose kind the code does not state (`kind: kind`) may be a project, so
 * only a value it states is judged, and leaving the setting out is not held against it.
 */
export function armWorkspaceVariants(setting: LanguageSetting): Variant[] {
  const types = { bicep: [ARM_WORKSPACE], terraform: [ARM_WORKSPACE] };
  const unknownKind = { ...setting, absentIsAligned: true };
  return [
    {
      types,
      appliesTo: (r) => {
        const kind = workspaceKind(r);
        return kind !== undefined && kind !== 'project';
      },
      settings: { bicep: setting, terraform: setting },
    },
    { types, appliesTo: (r) => workspaceKind(r) === undefined, settings: { bicep: unknownKind, terraform: unknownKind } },
  ];
}

export function workspaceLabel(resource: Resource): string {
  if (isType(resource, TF_HUB)) return 'Azure AI Foundry hub';
  if (isType(resource, TF_PROJECT)) return 'Azure AI Foundry project';
  if (isArm(resource)) {
    const kind = workspaceKind(resource);
    if (kind === 'hub') return 'Azure AI Foundry hub';
    if (kind === 'project') return 'Azure AI Foundry project';
    if (kind === 'featurestore') return 'Azure Machine Learning feature store';
  }
  return 'Azure Machine Learning workspace';
}

/** `amlcompute`, `computeinstance`, … for an ARM compute whose `properties.computeType` is stated; the azurerm equivalents. */
export function computeType(resource: Resource): string | undefined {
  if (isType(resource, TF_CLUSTER)) return 'amlcompute';
  if (isType(resource, TF_INSTANCE)) return 'computeinstance';
  return literal(resource, ['properties', 'computeType']);
}

export const isCluster = (resource: Resource): boolean => computeType(resource) === 'amlcompute';
export const isInstance = (resource: Resource): boolean => computeType(resource) === 'computeinstance';
export const isClusterOrInstance = (resource: Resource): boolean => isCluster(resource) || isInstance(resource);

export function computeLabel(resource: Resource): string {
  if (isCluster(resource)) return 'Azure Machine Learning compute cluster';
  if (isInstance(resource)) return 'Azure Machine Learning compute instance';
  return 'Azure Machine Learning compute';
}

export const endpointLabel = (): string => 'Azure Machine Learning online endpoint';
export const deploymentLabel = (): string => 'Azure Machine Learning online deployment';

/** The undetermined message every ml rule shares with the setting helper. */
export const UNDETERMINED = 'Could not determine `{{setting}}` of {{label}} "{{name}}": {{reason}}.';

/**
 * The workspace a compute belongs to, when this file declares it: Bicep `parent:` (or nesting), an azapi `parent_id`
 * reference, or azurerm's `machine_learning_workspace_id = <address>.id`. Undefined when the file does not say.
 */
export function parentWorkspace(resource: Resource, model: FileModel): Resource | undefined {
  let address = resource.parent;
  if (!isArm(resource)) {
    const found = lookup(resource.body, ['machine_learning_workspace_id'], resource.language);
    if (found.state === 'unknown' && found.at?.value.kind === 'expression') address = addressOf(found.at.value);
  }
  if (!address) return undefined;
  return model.resources.find(
    (r) => r.name === address && (isType(r, ARM_WORKSPACE) || isType(r, TF_WORKSPACE) || isType(r, TF_HUB)),
  );
}

/** `<type>.<name>` of an expression that is exactly a reference to another resource's `id`. */
function addressOf(value: Value): string | undefined {
  if (value.kind !== 'expression') return undefined;
  return /^((?:data\.)?[A-Za-z_][A-Za-z0-9_-]*\.[A-Za-z_][A-Za-z0-9_-]*)\.id$/.exec(value.text.trim())?.[1];
}

/** The managed-network isolation mode a workspace states, lower-cased; `absent` or `unknown` otherwise. */
export function isolationMode(workspace: Resource): string {
  const path = isArm(workspace) ? ['properties', 'managedNetwork', 'isolationMode'] : ['managed_network', 'isolation_mode'];
  const found = lookup(workspace.body, path, workspace.language);
  if (found.state === 'absent') return 'absent';
  if (found.state === 'known' && found.value.kind === 'string') return found.value.value.toLowerCase();
  return 'unknown';
}

/**
 * Parses an ISO 8601 duration (`PT30M`, `PT2H`, `P1D`, `PT120S`) into seconds; undefined when it is not one.
 * Years and months are left out on purpose: no compute idle time is written in them.
 */
export function durationSeconds(text: string): number | undefined {
  const match = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(text.trim());
  if (!match || text.trim().toUpperCase() === 'P' || /T$/i.test(text.trim())) return undefined;
  const [, w, d, h, m, s] = match.map((part) => (part === undefined ? 0 : Number(part)));
  return (w as number) * 604800 + (d as number) * 86400 + (h as number) * 3600 + (m as number) * 60 + (s as number);
}

/** A predicate for string values equal (ignoring case, as ARM does) to one of `accepted`, given in lower case. */
export function stringIn(...accepted: string[]): (value: Value) => boolean {
  return (value) => value.kind === 'string' && accepted.includes(value.value.toLowerCase());
}

export const isTrue = (value: Value): boolean => value.kind === 'bool' && value.value;
export const isFalse = (value: Value): boolean => value.kind === 'bool' && !value.value;
