// The App Service plan that hosts an AI workload's app or API should be zone-redundant with at least two instances, so a zone outage does not stop it.
import type { Rule, RuleContext } from '../rule';
import { boolOf, find, numberOf, reportUndetermined, stringOf, UNDETERMINED } from './shared/inspect';
import { APP_SERVICE_PLAN_TYPES } from './shared/resources';

const LABEL = 'App Service plan';

/** Plans that can be zone-redundant: Premium v2/v3/v4 (and memory-optimized), Isolated v2, Elastic Premium, Workflow Standard. */
const ZONE_CAPABLE = [/^p\d+m?v[234]$/i, /^i\d+m?v2$/i, /^ep\d+$/i, /^ws\d+$/i];

/** Zone redundancy needs at least this many instances. */
const MIN_INSTANCES = 2;

const rule: Rule = {
  id: 'require-app-service-plan-zone-redundancy',
  resourceTypes: APP_SERVICE_PLAN_TYPES,
  messages: {
    absent: '{{label}} "{{name}}" is not zone-redundant (`{{setting}}` is not set): a zone outage stops every app on it, the AI front end or orchestrator included.',
    disabled: '{{label}} "{{name}}" is not zone-redundant (`{{setting}}` is false): a zone outage stops every app on it, the AI front end or orchestrator included.',
    oneInstance: '{{label}} "{{name}}" is zone-redundant with {{value}} instance(s): zone redundancy needs at least 2 to keep running through a zone outage.',
    undetermined: UNDETERMINED,
  },
  // Zone redundancy and the instance count are decided together (and azurerm may replace the plan), so no fix is offered.
  fixable: false,
  settings: [
    { language: 'bicep', setting: 'properties.zoneRedundant', recommended: 'true, with sku.capacity of 2 or more', absentIsAligned: false },
    { language: 'terraform', setting: 'zone_balancing_enabled', recommended: 'true, with worker_count of 2 or more', absentIsAligned: false },
  ],
  check(ctx: RuleContext): void {
    const bicep = ctx.language === 'bicep';
    const sku = stringOf(find(ctx.resource, bicep ? ['sku', 'name'] : ['sku_name']));
    // Other tiers cannot be zone-redundant at all; choosing the tier is outside this rule.
    if (sku === undefined || !ZONE_CAPABLE.some((re) => re.test(sku))) return;
    const setting = bicep ? 'properties.zoneRedundant' : 'zone_balancing_enabled';
    const found = find(ctx.resource, setting.split('.'));
    // ARM's `zoneRedundant` defaults to false; azurerm's `zone_balancing_enabled` has no default and sends false.
    if (found.state === 'unknown') return reportUndetermined(ctx, LABEL, setting, found);
    if (found.state === 'absent') return ctx.report({ messageId: 'absent', data: { label: LABEL, setting }, at: ctx.resource.nameSpan });
    const enabled = boolOf(found);
    if (enabled === false) return ctx.report({ messageId: 'disabled', data: { label: LABEL, setting }, at: found.entry.value.span });
    if (enabled !== true) return;
    const countPath = bicep ? ['sku', 'capacity'] : ['worker_count'];
    const count = find(ctx.resource, countPath);
    const instances = numberOf(count);
    if (instances !== undefined && instances < MIN_INSTANCES && count.state === 'known') {
      ctx.report({ messageId: 'oneInstance', data: { label: LABEL, value: String(instances) }, at: count.entry.value.span });
    }
  },
};

export default rule;
