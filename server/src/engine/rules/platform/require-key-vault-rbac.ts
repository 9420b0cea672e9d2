// A Key Vault should authorize data access with Azure RBAC, so secrets and keys get the same least-privilege, audited model as the rest of the workload.
import { settingRule } from '../helpers/settingRule';
import { find, refine } from './shared/inspect';
import { KEY_VAULT_TYPES } from './shared/resources';

/** From this API version on, a new vault uses Azure RBAC when `enableRbacAuthorization` is left out. */
const RBAC_BY_DEFAULT_FROM = '2026-02-01';

const base = settingRule({
  id: 'require-key-vault-rbac',
  resourceTypes: KEY_VAULT_TYPES,
  label: () => 'Key Vault',
  messages: {
    misaligned: '{{label}} "{{name}}" uses access policies (`{{setting}}` is {{value}}): vault-wide policies cannot be scoped to one secret and sit outside Azure RBAC reviews.',
    absent: '{{label}} "{{name}}" uses access policies (`{{setting}}` is not set): vault-wide policies cannot be scoped to one secret and sit outside Azure RBAC reviews.',
  },
  fixTitle: 'Use Azure RBAC authorization',
  settings: {
    bicep: { path: ['properties', 'enableRbacAuthorization'], isAligned: (v) => v.kind === 'bool' && v.value, absentIsAligned: false, fixValue: true },
    terraform: {
      // Required in azurerm 5; azurerm 4 had `enable_rbac_authorization`, defaulting to false like the newer name did there.
      path: ['rbac_authorization_enabled'],
      isAligned: (v) => v.kind === 'bool' && v.value,
      absentIsAligned: false,
      fixValue: true,
      legacy: [{ path: ['enable_rbac_authorization'], isAligned: (v) => v.kind === 'bool' && v.value, absentIsAligned: false, fixValue: true }],
    },
  },
});

/** Bicep: older API versions create a vault with access policies when the setting is left out; 2026-02-01 and later use RBAC. */
export default refine(base, (report, ctx) => {
  if (ctx.language !== 'bicep' || report.messageId !== 'absent') return report;
  const api = ctx.resource.apiVersion;
  const rbacByDefault = api !== undefined && api.slice(0, 10) >= RBAC_BY_DEFAULT_FROM;
  return rbacByDefault && find(ctx.resource, ['properties', 'enableRbacAuthorization']).state === 'absent' ? undefined : report;
});
