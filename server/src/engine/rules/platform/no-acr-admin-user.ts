// A container registry that holds model-serving images should not enable its admin user, a shared username and password with full push and pull rights.
import { settingRule } from '../helpers/settingRule';
import { ACR_TYPES } from './shared/resources';

export default settingRule({
  id: 'no-acr-admin-user',
  resourceTypes: ACR_TYPES,
  label: () => 'Container registry',
  messages: {
    misaligned: '{{label}} "{{name}}" enables its admin user (`{{setting}}` is {{value}}): a shared password can push and pull every image, including the model-serving ones.',
    absent: '{{label}} "{{name}}" enables its admin user.',
  },
  fixTitle: 'Disable the admin user',
  settings: {
    // ARM and azurerm both leave the admin user off unless it is asked for.
    bicep: { path: ['properties', 'adminUserEnabled'], isAligned: (v) => v.kind === 'bool' && !v.value, absentIsAligned: true, fixValue: false },
    terraform: { path: ['admin_enabled'], isAligned: (v) => v.kind === 'bool' && !v.value, absentIsAligned: true, fixValue: false },
  },
});
