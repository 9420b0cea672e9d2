// Model deployments should not switch to each new default model version on their own; upgrades belong in a tested rollout.
import type { Value } from '../../model/types';
import { settingRule } from '../helpers/settingRule';
import { DEPLOYMENT_TYPES, deploymentLabel, deploymentSku, isProvisioned } from './shared/resources';

const isControlled = (v: Value): boolean => !(v.kind === 'string' && v.value.toLowerCase() === 'oncenewdefaultversionavailable');

export default settingRule({
  id: 'no-deployment-auto-upgrade-to-default',
  resourceTypes: DEPLOYMENT_TYPES,
  label: deploymentLabel,
  // Automatic model updates exist only for standard deployment types; provisioned ones migrate by hand.
  appliesTo: (resource) => !isProvisioned(deploymentSku(resource)),
  messages: {
    misaligned:
      '{{label}} "{{name}}" moves to every new default model version within two weeks of its release: `{{setting}}` is {{value}}, so production answers change without a tested rollout.',
    absent:
      '{{label}} "{{name}}" moves to every new default model version within two weeks of its release: `{{setting}}` is not set, and azurerm defaults it to `OnceNewDefaultVersionAvailable`.',
  },
  fixTitle: 'Upgrade only when the model version retires',
  settings: {
    // ARM: an unset `versionUpgradeOption` is null, which the service treats as `OnceCurrentVersionExpired`.
    bicep: { path: ['properties', 'versionUpgradeOption'], isAligned: isControlled, absentIsAligned: true, fixValue: 'OnceCurrentVersionExpired' },
    // azurerm: `version_upgrade_option` defaults to `OnceNewDefaultVersionAvailable`.
    terraform: { path: ['version_upgrade_option'], isAligned: isControlled, absentIsAligned: false, fixValue: 'OnceCurrentVersionExpired' },
  },
});
