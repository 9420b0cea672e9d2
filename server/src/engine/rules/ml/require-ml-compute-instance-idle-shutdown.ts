// Azure Machine Learning compute instances should shut down when idle, since a forgotten notebook VM bills around the clock.
import type { Resource, Value } from '../../model/types';
import type { Fix } from '../../types';
import type { Rule, RuleContext } from '../rule';
import { describeLiteral, lookup } from '../helpers/lookup';
import { setSetting } from '../../fix/setSetting';
import { indentUnit, lineEnding } from '../../fix/layout';
import { terraformAddress } from '../../fix/reference';
import { ARM_COMPUTE, computeLabel, isArm, isInstance, TF_INSTANCE, UNDETERMINED } from './shared/resources';

const IDLE = ['properties', 'properties', 'idleTimeBeforeShutdown'] as const;
const SCHEDULES = ['properties', 'properties', 'schedules', 'computeStartStop'] as const;
/** What the fix writes: within the service's bounds of 15 minutes to 3 days. */
const IDLE_TIME = 'PT60M';
const FIX_TITLE = 'Shut the instance down after 60 idle minutes';
/** The API version of the action the Terraform fix calls: `updateIdleShutdownSetting` is in 2024-04-01 and later. */
const ACTION_API = '2024-10-01';

const rule: Rule = {
  id: 'require-ml-compute-instance-idle-shutdown',
  resourceTypes: { bicep: [ARM_COMPUTE], terraform: [TF_INSTANCE, ARM_COMPUTE] },
  messages: {
    misaligned: '{{label}} "{{name}}" never shuts down when idle: `{{setting}}` is {{value}}.',
    absent: '{{label}} "{{name}}" never shuts down when idle: `{{setting}}` is not set and no stop schedule is declared.',
    azurerm:
      '{{label}} "{{name}}" has no idle shutdown that this file shows: azurerm cannot set one, so call `updateIdleShutdownSetting` with an `azapi_resource_action` (or declare the instance with `azapi_resource`).',
    undetermined: UNDETERMINED,
  },
  appliesTo: (resource) => !isArm(resource) || isInstance(resource),
  fixable: true,
  settings: [
    { language: 'bicep', setting: IDLE.join('.'), recommended: `'${IDLE_TIME}'`, absentIsAligned: false },
    { language: 'terraform', setting: `body.${IDLE.join('.')}`, recommended: `"${IDLE_TIME}"`, absentIsAligned: false },
    // azurerm instances: an `azapi_resource_action` with `action = "updateIdleShutdownSetting"` carries the setting.
    { language: 'terraform', setting: 'azapi_resource_action.body.idleTimeBeforeShutdown', recommended: `"${IDLE_TIME}"`, absentIsAligned: false },
  ],
  check(ctx: RuleContext): void {
    if (isArm(ctx.resource)) checkArm(ctx);
    else checkAzurerm(ctx);
  },
};

/** Bicep and azapi: `idleTimeBeforeShutdown`, or failing that a schedule that stops the instance. */
function checkArm(ctx: RuleContext): void {
  const { resource } = ctx;
  if (!isInstance(resource)) return;
  const label = computeLabel(resource);
  const idle = lookup(resource.body, IDLE, ctx.language, false);
  if (idle.state === 'unknown') return undetermined(ctx, label, IDLE.join('.'), idle.reason, idle.at?.value.span);
  if (idle.state === 'known') {
    if (idle.value.kind === 'string' && idle.value.value.trim() !== '') return;
    const edits = setSetting(ctx.text, ctx.language, idle, IDLE_TIME);
    ctx.report({
      messageId: 'misaligned',
      data: { label, setting: IDLE.join('.'), value: describeLiteral(idle.value) },
      at: idle.entry.value.span,
      fixes: edits ? [{ title: FIX_TITLE, edits, safe: false }] : [],
    });
    return;
  }
  const schedules = lookup(resource.body, SCHEDULES, ctx.language, false);
  if (schedules.state === 'unknown') return undetermined(ctx, label, SCHEDULES.join('.'), schedules.reason, schedules.at?.value.span);
  if (schedules.state === 'known' && stopsOnSchedule(schedules.value)) return;
  const edits = setSetting(ctx.text, ctx.language, idle, IDLE_TIME);
  ctx.report({ messageId: 'absent', data: { label, setting: IDLE.join('.') }, at: resource.nameSpan, fixes: edits ? [{ title: FIX_TITLE, edits, safe: false }] : [] });
}

/** True when a `computeStartStop` list holds a schedule whose `action` is `Stop` (or one the code does not state). */
function stopsOnSchedule(value: Value): boolean {
  if (value.kind !== 'array') return value.kind === 'expression';
  return value.items.some((item) => {
    if (item.kind !== 'object') return item.kind === 'expression';
    const action = item.entries.find((e) => e.key.toLowerCase() === 'action')?.value;
    return action !== undefined && (action.kind === 'expression' || (action.kind === 'string' && action.value.toLowerCase() === 'stop'));
  });
}

/**
 * azurerm has no idle-shutdown argument, so the setting can only come from an `azapi_resource_action` calling
 * `updateIdleShutdownSetting` on the instance. One in this file settles it; otherwise it may live in another file or
 * be set by hand, so the finding is a note about what the file does not show, with a fix that adds the action.
 */
function checkAzurerm(ctx: RuleContext): void {
  const { resource, model } = ctx;
  const address = resource.name;
  const hasAction = model.resources.some((r) => r.type === 'azapi_resource_action' && callsIdleShutdown(r, address));
  if (hasAction) return;
  const label = computeLabel(resource);
  // A looped instance needs an index to be referred to, and one whose label is no identifier cannot be referred to at all.
  const target = resource.isLoop ? undefined : terraformAddress(resource);
  const fixes: Fix[] = target ? [{ title: 'Add an idle shutdown action', edits: [actionEdit(ctx.text, resource, target, model.resources)], safe: false }] : [];
  ctx.report({ messageId: 'azurerm', data: { label, setting: 'idleTimeBeforeShutdown' }, at: resource.nameSpan, fixes, undetermined: true });
}

function callsIdleShutdown(action: Resource, address: string): boolean {
  const verb = lookup(action.body, ['action'], action.language);
  if (verb.state !== 'known' || verb.value.kind !== 'string' || verb.value.value.toLowerCase() !== 'updateidleshutdownsetting') return false;
  const target = lookup(action.body, ['resource_id'], action.language);
  return target.state === 'unknown' && target.at?.value.kind === 'expression' && target.at.value.references.some((ref) => ref === address || ref.startsWith(`${address}.`));
}

/**
 * The `azapi_resource_action` block that sets the idle time, inserted after the instance's block. `address` is the
 * instance's Terraform address (both words identifiers), so the action's own name, `<label>_idle_shutdown`, is one too;
 * a number is added when another resource of the file already has that name.
 */
function actionEdit(text: string, resource: Resource, address: string, resources: readonly Resource[]): { span: { start: number; end: number }; text: string } {
  const eol = lineEnding(text);
  const unit = indentUnit(text);
  const base = `${address.slice(address.lastIndexOf('.') + 1)}_idle_shutdown`;
  const taken = new Set(resources.filter((r) => r.name.startsWith('azapi_resource_action.')).map((r) => r.name.slice('azapi_resource_action.'.length)));
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  const lines = [
    '',
    '',
    `resource "azapi_resource_action" "${name}" {`,
    `${unit}type        = "${ARM_COMPUTE}@${ACTION_API}"`,
    `${unit}resource_id = ${address}.id`,
    `${unit}action      = "updateIdleShutdownSetting"`,
    '',
    `${unit}body = {`,
    `${unit}${unit}idleTimeBeforeShutdown = "${IDLE_TIME}"`,
    `${unit}}`,
    '}',
  ];
  return { span: { start: resource.span.end, end: resource.span.end }, text: lines.join(eol) };
}

function undetermined(ctx: RuleContext, label: string, setting: string, reason: string, at: { start: number; end: number } | undefined): void {
  ctx.report({ messageId: 'undetermined', data: { label, setting, reason }, at: at ?? ctx.resource.nameSpan, undetermined: true });
}

export default rule;
