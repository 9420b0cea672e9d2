// Azure Machine Learning compute clusters and instances should not open their SSH port to public networks.
import type { Rule, RuleContext } from '../rule';
import { describeLiteral, lookup } from '../helpers/lookup';
import { setSetting } from '../../fix/setSetting';
import { ARM_COMPUTE, computeLabel, isArm, isCluster, isInstance, TF_CLUSTER, TF_INSTANCE, UNDETERMINED } from './shared/resources';
import type { Span } from '../../types';

const CLUSTER_PATH = ['properties', 'properties', 'remoteLoginPortPublicAccess'] as const;
const INSTANCE_PATH = ['properties', 'properties', 'sshSettings', 'sshPublicAccess'] as const;
const SUBNET_PATH = ['properties', 'properties', 'subnet'] as const;
const FIX_TITLE = 'Close the public SSH port';

const rule: Rule = {
  id: 'no-ml-compute-public-ssh',
  resourceTypes: { bicep: [ARM_COMPUTE], terraform: [TF_CLUSTER, TF_INSTANCE, ARM_COMPUTE] },
  messages: {
    misaligned: '{{label}} "{{name}}" opens its SSH port to public networks: `{{setting}}` is {{value}}.',
    notSpecified:
      '{{label}} "{{name}}" opens its SSH port to public networks: `{{setting}}` is {{value}}, which leaves the port open on a cluster outside a virtual network.',
    absent:
      '{{label}} "{{name}}" opens its SSH port to public networks: `{{setting}}` is not set, which leaves the port open on a cluster outside a virtual network.',
    sshBlock: '{{label}} "{{name}}" opens its SSH port to public access: azurerm enables public SSH whenever the `ssh` block is present.',
    undetermined: UNDETERMINED,
  },
  appliesTo: (resource) => !isArm(resource) || isCluster(resource) || isInstance(resource),
  fixable: true,
  settings: [
    { language: 'bicep', setting: CLUSTER_PATH.join('.'), recommended: "'Disabled'", absentIsAligned: false },
    { language: 'bicep', setting: INSTANCE_PATH.join('.'), recommended: "'Disabled'", absentIsAligned: true },
    { language: 'terraform', setting: 'ssh_public_access_enabled', recommended: 'false', absentIsAligned: true },
    { language: 'terraform', setting: 'ssh', recommended: 'no block on compute instances', absentIsAligned: true },
    { language: 'terraform', setting: `body.${CLUSTER_PATH.join('.')}`, recommended: '"Disabled"', absentIsAligned: false },
  ],
  check(ctx: RuleContext): void {
    const { resource } = ctx;
    if (isArm(resource)) {
      if (isCluster(resource)) checkArmCluster(ctx);
      else if (isInstance(resource)) checkArmSetting(ctx, INSTANCE_PATH);
      return;
    }
    if (isCluster(resource)) checkTerraformCluster(ctx);
    else checkTerraformInstance(ctx);
  },
};

/**
 * `remoteLoginPortPublicAccess`: `Enabled` opens the port, `Disabled` closes it, and `NotSpecified` (the default)
 * closes it only when the cluster has a subnet.
 */
function checkArmCluster(ctx: RuleContext): void {
  const found = lookup(ctx.resource.body, CLUSTER_PATH, ctx.language, false);
  const inSubnet = lookup(ctx.resource.body, SUBNET_PATH, ctx.language, false).state !== 'absent';
  const value = found.state === 'known' && found.value.kind === 'string' ? found.value.value.toLowerCase() : undefined;
  if (found.state === 'known' && value === 'notspecified') {
    if (inSubnet) return;
    report(ctx, 'notSpecified', CLUSTER_PATH.join('.'), found.entry.value.span, describeLiteral(found.value), setSetting(ctx.text, ctx.language, found, 'Disabled'));
    return;
  }
  if (found.state === 'absent') {
    if (inSubnet) return;
    report(ctx, 'absent', CLUSTER_PATH.join('.'), ctx.resource.nameSpan, undefined, setSetting(ctx.text, ctx.language, found, 'Disabled'));
    return;
  }
  checkArmSetting(ctx, CLUSTER_PATH);
}

/** A setting that is public only when it says `Enabled` (an instance's `sshPublicAccess` defaults to `Disabled`). */
function checkArmSetting(ctx: RuleContext, path: readonly string[]): void {
  const found = lookup(ctx.resource.body, path, ctx.language, false);
  if (found.state === 'absent') return;
  if (found.state === 'unknown') return undetermined(ctx, path.join('.'), found.reason, found.at?.value.span);
  if (found.value.kind === 'string' && found.value.value.toLowerCase() === 'disabled') return;
  if (found.value.kind === 'string' && found.value.value.toLowerCase() === 'notspecified') return;
  report(ctx, 'misaligned', path.join('.'), found.entry.value.span, describeLiteral(found.value), setSetting(ctx.text, ctx.language, found, 'Disabled'));
}

/** azurerm's cluster sends `Disabled` unless `ssh_public_access_enabled` is true. */
function checkTerraformCluster(ctx: RuleContext): void {
  const found = lookup(ctx.resource.body, ['ssh_public_access_enabled'], ctx.language);
  if (found.state === 'absent') return;
  if (found.state === 'unknown') return undetermined(ctx, 'ssh_public_access_enabled', found.reason, found.at?.value.span);
  if (found.value.kind === 'bool' && !found.value.value) return;
  report(ctx, 'misaligned', 'ssh_public_access_enabled', found.entry.value.span, describeLiteral(found.value), setSetting(ctx.text, ctx.language, found, false));
}

/** azurerm's instance sends `sshPublicAccess: Enabled` whenever an `ssh` block is present; no edit short of removing it. */
function checkTerraformInstance(ctx: RuleContext): void {
  const found = lookup(ctx.resource.body, ['ssh'], ctx.language);
  if (found.state === 'absent') return;
  if (found.state === 'unknown') return undetermined(ctx, 'ssh', found.reason, found.at?.keySpan);
  const at = found.entry.keySpan;
  ctx.report({ messageId: 'sshBlock', data: { label: computeLabel(ctx.resource), setting: 'ssh' }, at });
}

function report(ctx: RuleContext, messageId: string, setting: string, at: Span, value: string | undefined, edits: ReturnType<typeof setSetting>): void {
  ctx.report({
    messageId,
    data: { label: computeLabel(ctx.resource), setting, ...(value !== undefined ? { value } : {}) },
    at,
    fixes: edits ? [{ title: FIX_TITLE, edits, safe: false }] : [],
  });
}

function undetermined(ctx: RuleContext, setting: string, reason: string, at: Span | undefined): void {
  ctx.report({ messageId: 'undetermined', data: { label: computeLabel(ctx.resource), setting, reason }, at: at ?? ctx.resource.nameSpan, undetermined: true });
}

export default rule;
