// Azure Machine Learning online deployments should run on at least two instances, so one failing or updating node does not stop scoring.
import type { Rule, RuleContext } from '../rule';
import { describeLiteral, lookup } from '../helpers/lookup';
import { setSetting } from '../../fix/setSetting';
import { ARM_DEPLOYMENT, deploymentLabel, UNDETERMINED } from './shared/resources';

const MIN_INSTANCES = 2;
const PATH = ['sku', 'capacity'] as const;
const SETTING = PATH.join('.');
const FIX_TITLE = `Run ${MIN_INSTANCES} instances`;

const rule: Rule = {
  id: 'require-ml-deployment-multiple-instances',
  resourceTypes: { bicep: [ARM_DEPLOYMENT], terraform: [ARM_DEPLOYMENT] },
  messages: {
    misaligned: '{{label}} "{{name}}" runs on fewer than two instances, so one failing or updating node stops it: `{{setting}}` is {{value}}.',
    absent: '{{label}} "{{name}}" asks for no second instance, so one failing or updating node stops it: `{{setting}}` is not set.',
    undetermined: UNDETERMINED,
  },
  fixable: true,
  settings: [
    { language: 'bicep', setting: SETTING, recommended: String(MIN_INSTANCES), absentIsAligned: false },
    { language: 'terraform', setting: `body.${SETTING}`, recommended: String(MIN_INSTANCES), absentIsAligned: false },
  ],
  check(ctx: RuleContext): void {
    const data = { label: deploymentLabel(), setting: SETTING };
    // ARM bodies (Bicep, azapi) are object literals, never HCL blocks.
    const found = lookup(ctx.resource.body, PATH, ctx.language, false);
    if (found.state === 'unknown') {
      ctx.report({ messageId: 'undetermined', data: { ...data, reason: found.reason }, at: found.at?.value.span ?? ctx.resource.nameSpan, undetermined: true });
      return;
    }
    if (found.state === 'known') {
      if (found.value.kind === 'number' && found.value.value >= MIN_INSTANCES) return;
      const edits = setSetting(ctx.text, ctx.language, found, MIN_INSTANCES);
      ctx.report({
        messageId: 'misaligned',
        data: { ...data, value: describeLiteral(found.value) },
        at: found.entry.value.span,
        fixes: edits ? [{ title: FIX_TITLE, edits, safe: false }] : [],
      });
      return;
    }
    // The SKU's name is required beside its capacity, so a fix is offered only where `sku` already exists.
    const edits = found.missing.length === 1 ? setSetting(ctx.text, ctx.language, found, MIN_INSTANCES) : undefined;
    ctx.report({ messageId: 'absent', data, at: ctx.resource.nameSpan, fixes: edits ? [{ title: FIX_TITLE, edits, safe: false }] : [] });
  },
};

export default rule;
