// An AKS cluster that hosts inference should send container logs and events to Azure Monitor, so failing model pods can be seen and alerted on.
import type { Rule, RuleContext } from '../rule';
import { boolOf, find, reportUndetermined, UNDETERMINED } from './shared/inspect';
import { AKS_CLUSTER_TYPES } from './shared/resources';

const LABEL = 'AKS cluster';

const rule: Rule = {
  id: 'require-aks-container-insights',
  resourceTypes: AKS_CLUSTER_TYPES,
  messages: {
    absent: '{{label}} "{{name}}" does not collect container logs (`{{setting}}` is not set): crashes, restarts and throttling of inference pods leave no trace in Azure Monitor.',
    misaligned: '{{label}} "{{name}}" does not collect container logs (`{{setting}}` is false): crashes, restarts and throttling of inference pods leave no trace in Azure Monitor.',
    undetermined: UNDETERMINED,
  },
  // The fix would need the Log Analytics workspace to send to, which only the user knows.
  fixable: false,
  settings: [
    { language: 'bicep', setting: 'properties.addonProfiles.omsagent.enabled', recommended: 'true', absentIsAligned: false },
    { language: 'terraform', setting: 'oms_agent', recommended: 'a block with log_analytics_workspace_id', absentIsAligned: false },
  ],
  check(ctx: RuleContext): void {
    if (ctx.language === 'terraform') {
      const found = find(ctx.resource, ['oms_agent']);
      if (found.state === 'unknown') reportUndetermined(ctx, LABEL, 'oms_agent', found);
      else if (found.state === 'absent') ctx.report({ messageId: 'absent', data: { label: LABEL, setting: 'oms_agent' }, at: ctx.resource.nameSpan });
      return;
    }
    // The add-on, or the newer Azure Monitor profile, either one collects the logs.
    const profile = find(ctx.resource, ['properties', 'azureMonitorProfile', 'containerInsights', 'enabled']);
    if (boolOf(profile) === true) return;
    const setting = 'properties.addonProfiles.omsagent.enabled';
    const addon = find(ctx.resource, setting.split('.'));
    if (addon.state === 'unknown') return reportUndetermined(ctx, LABEL, setting, addon);
    if (addon.state === 'absent') {
      if (profile.state === 'unknown') return reportUndetermined(ctx, LABEL, 'properties.azureMonitorProfile.containerInsights.enabled', profile);
      ctx.report({ messageId: 'absent', data: { label: LABEL, setting }, at: ctx.resource.nameSpan });
    } else if (boolOf(addon) === false) {
      ctx.report({ messageId: 'misaligned', data: { label: LABEL, setting }, at: addon.entry.value.span });
    }
  },
};

export default rule;
