// Application Insights for an AI workload should send its telemetry to the workload's own Log Analytics workspace, where retention, access and queries are governed.
import type { Rule, RuleContext } from '../rule';
import { find, reportUndetermined, UNDETERMINED } from './shared/inspect';
import { APP_INSIGHTS_TYPES } from './shared/resources';

const LABEL = 'Application Insights component';

const rule: Rule = {
  id: 'require-app-insights-workspace',
  resourceTypes: APP_INSIGHTS_TYPES,
  messages: {
    absent:
      '{{label}} "{{name}}" names no Log Analytics workspace (`{{setting}}` is not set): its traces of prompts, model calls and failures do not land in a workspace the workload governs.',
    undetermined: UNDETERMINED,
  },
  // Which workspace to use only the user knows, so no fix is offered.
  fixable: false,
  settings: [
    { language: 'bicep', setting: 'properties.WorkspaceResourceId', recommended: 'the workspace resource id', absentIsAligned: false },
    { language: 'terraform', setting: 'workspace_id', recommended: 'the workspace id', absentIsAligned: false },
  ],
  check(ctx: RuleContext): void {
    const path = ctx.language === 'bicep' ? ['properties', 'WorkspaceResourceId'] : ['workspace_id'];
    const found = find(ctx.resource, path);
    if (found.state === 'absent') ctx.report({ messageId: 'absent', data: { label: LABEL, setting: path.join('.') }, at: ctx.resource.nameSpan });
    // A reference such as `workspace.id` is the expected way to set it: it is set, and that is all this rule asks.
    // Only when something above it is unknown (a spread, a `properties` parameter) is the answer open.
    else if (found.state === 'unknown' && found.at?.key.toLowerCase() !== path[path.length - 1]!.toLowerCase()) {
      reportUndetermined(ctx, LABEL, path.join('.'), found);
    }
  },
};

export default rule;
