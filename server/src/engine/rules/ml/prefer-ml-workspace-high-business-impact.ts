// Azure Machine Learning workspaces and Foundry hubs and projects that handle sensitive data should say so with the high-business-impact flag.
import { variantRule } from './shared/variantRule';
import { ARM_WORKSPACE, isTrue, TF_HUB, TF_PROJECT, TF_WORKSPACE, workspaceLabel } from './shared/resources';

// Off unless set. A note, because only the team knows whether the data is sensitive, and no fix, because the flag
// can only be set when the workspace is created (azurerm replaces the resource when it changes).
const arm = { path: ['properties', 'hbiWorkspace'], isAligned: isTrue, absentIsAligned: false, fixValue: true };
const workspace = { path: ['high_business_impact'], isAligned: isTrue, absentIsAligned: false, fixValue: true };
const foundry = { path: ['high_business_impact_enabled'], isAligned: isTrue, absentIsAligned: false, fixValue: true };

export default variantRule({
  id: 'prefer-ml-workspace-high-business-impact',
  label: workspaceLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" is not marked as holding high-business-impact data: `{{setting}}` is {{value}}; if it handles sensitive data, set it when the workspace is created.',
    absent: '{{label}} "{{name}}" is not marked as holding high-business-impact data: `{{setting}}` is not set; if it handles sensitive data, set it when the workspace is created.',
  },
  fixTitle: 'Mark the workspace as high business impact',
  fixable: false,
  variants: [
    { types: { bicep: [ARM_WORKSPACE], terraform: [ARM_WORKSPACE] }, settings: { bicep: arm, terraform: arm } },
    { types: { terraform: [TF_WORKSPACE] }, settings: { terraform: workspace } },
    { types: { terraform: [TF_HUB, TF_PROJECT] }, settings: { terraform: foundry } },
  ],
});
