// Azure Machine Learning workspaces behind a private endpoint should not also accept public traffic through `allowPublicAccessWhenBehindVnet`.
import { variantRule } from './shared/variantRule';
import { ARM_WORKSPACE, isFalse, workspaceLabel } from './shared/resources';

// The flag is false unless set; it is an ARM property only (azurerm does not expose it), so Terraform reaches it
// through azapi bodies.
const setting = { path: ['properties', 'allowPublicAccessWhenBehindVnet'], isAligned: isFalse, absentIsAligned: true, fixValue: false };

export default variantRule({
  id: 'no-ml-workspace-public-access-behind-vnet',
  label: workspaceLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" accepts public traffic even behind its private endpoint: `{{setting}}` is {{value}}.',
    absent: '{{label}} "{{name}}" accepts public traffic even behind its private endpoint: `{{setting}}` is not set.',
  },
  fixTitle: 'Refuse public traffic behind the private endpoint',
  variants: [{ types: { bicep: [ARM_WORKSPACE], terraform: [ARM_WORKSPACE] }, settings: { bicep: setting, terraform: setting } }],
});
