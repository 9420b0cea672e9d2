// Azure Machine Learning workspaces should not run in v1 legacy mode, which turns off the v2 API that current tools need.
import { variantRule } from './shared/variantRule';
import { ARM_WORKSPACE, isFalse, TF_WORKSPACE, workspaceLabel } from './shared/resources';

// Off unless set, in ARM and in azurerm (`v1_legacy_mode_enabled` defaults to false).
const arm = { path: ['properties', 'v1LegacyMode'], isAligned: isFalse, absentIsAligned: true, fixValue: false };
const azurerm = { path: ['v1_legacy_mode_enabled'], isAligned: isFalse, absentIsAligned: true, fixValue: false };

export default variantRule({
  id: 'no-ml-workspace-v1-legacy-mode',
  label: workspaceLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" runs in v1 legacy mode, which turns off the v2 API that current tools and features rely on: `{{setting}}` is {{value}}.',
    absent: '{{label}} "{{name}}" runs in v1 legacy mode: `{{setting}}` is not set.',
  },
  fixTitle: 'Turn off v1 legacy mode',
  variants: [
    { types: { bicep: [ARM_WORKSPACE], terraform: [ARM_WORKSPACE] }, settings: { bicep: arm, terraform: arm } },
    { types: { terraform: [TF_WORKSPACE] }, settings: { terraform: azurerm } },
  ],
});
