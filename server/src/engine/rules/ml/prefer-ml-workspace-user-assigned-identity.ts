// Azure Machine Learning workspaces and Foundry hubs and projects can run under a user-assigned identity whose access outlives the workspace.
import { variantRule } from './shared/variantRule';
import { ARM_WORKSPACE, TF_HUB, TF_PROJECT, TF_WORKSPACE, workspaceLabel } from './shared/resources';
import type { Value } from '../../model/types';

// A system-assigned identity is a sound choice, so this is a note. `SystemAssigned,UserAssigned` counts as
// user-assigned. azapi declares `identity` as a block outside `body`, so only Bicep and azurerm are read here.
const userAssigned = (v: Value): boolean => v.kind === 'string' && v.value.toLowerCase().replace(/\s/g, '').split(',').includes('userassigned');
const setting = { path: ['identity', 'type'], isAligned: userAssigned, absentIsAligned: false, fixValue: 'UserAssigned' };

export default variantRule({
  id: 'prefer-ml-workspace-user-assigned-identity',
  label: workspaceLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" has no user-assigned identity: `{{setting}}` is {{value}}.',
    absent: '{{label}} "{{name}}" has no user-assigned identity: `{{setting}}` is not set.',
  },
  fixTitle: 'Use a user-assigned identity',
  fixable: false,
  variants: [
    { types: { bicep: [ARM_WORKSPACE] }, settings: { bicep: setting } },
    { types: { terraform: [TF_WORKSPACE, TF_HUB, TF_PROJECT] }, settings: { terraform: setting } },
  ],
});
