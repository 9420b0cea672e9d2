// Model deployments should pin the model version, so that every environment and every redeployment serves the same model.
import type { Rule, RuleContext } from '../rule';
import { lookup } from '../helpers/lookup';
import { DEPLOYMENT_TYPES, deploymentLabel } from './shared/resources';

const PATHS = { bicep: ['properties', 'model', 'version'], terraform: ['model', 'version'] } as const;

const rule: Rule = {
  id: 'require-deployment-model-version',
  resourceTypes: DEPLOYMENT_TYPES,
  messages: {
    absent:
      '{{label}} "{{name}}" does not pin its model version: `{{setting}}` is not set, so it gets whatever version is the default on the day it is deployed, and environments drift apart.',
    empty: '{{label}} "{{name}}" does not pin its model version: `{{setting}}` is empty.',
    undetermined: 'Could not determine `{{setting}}` of {{label}} "{{name}}": {{reason}}.',
  },
  fixable: false,
  settings: [
    { language: 'bicep', setting: PATHS.bicep.join('.'), recommended: "'<version>'", absentIsAligned: false },
    { language: 'terraform', setting: PATHS.terraform.join('.'), recommended: '"<version>"', absentIsAligned: false },
  ],
  check(ctx: RuleContext): void {
    const path = PATHS[ctx.language];
    const data = { label: deploymentLabel(), setting: path.join('.') };
    const found = lookup(ctx.resource.body, path, ctx.language);
    if (found.state === 'absent') {
      ctx.report({ messageId: 'absent', data, at: ctx.resource.nameSpan });
    } else if (found.state === 'known') {
      if (found.value.kind === 'string' && found.value.value.trim() === '') ctx.report({ messageId: 'empty', data, at: found.entry.value.span });
    } else if (!found.at || found.at.key.toLowerCase() !== 'version') {
      // A version from a parameter is pinned where the parameter is set; only a whole `model` the code does not show is unknown.
      ctx.report({ messageId: 'undetermined', data: { ...data, reason: found.reason }, at: found.at?.value.span ?? ctx.resource.nameSpan, undetermined: true });
    }
  },
};

export default rule;
