// A Cosmos DB account that stores chat history or agent state should use continuous backup, so it can be restored to any point in time.
import { settingRule } from '../helpers/settingRule';
import { cosmosLabel } from './shared/cosmos';
import { find, refine, withoutFixes } from './shared/inspect';
import { COSMOS_TYPES } from './shared/resources';

const base = settingRule({
  id: 'require-cosmos-continuous-backup',
  resourceTypes: COSMOS_TYPES,
  label: cosmosLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" uses {{value}} backup: it can be restored only from periodic snapshots, not to the moment before a bad write or delete.',
    absent: '{{label}} "{{name}}" uses periodic backup (`{{setting}}` is not set): it can be restored only from periodic snapshots, not to the moment before a bad write or delete.',
  },
  fixTitle: 'Use continuous backup',
  settings: {
    // ARM and azurerm both default to Periodic.
    bicep: {
      path: ['properties', 'backupPolicy', 'type'],
      isAligned: (v) => v.kind === 'string' && v.value.toLowerCase() === 'continuous',
      absentIsAligned: false,
      fixValue: 'Continuous',
    },
    terraform: { path: ['backup', 'type'], isAligned: (v) => v.kind === 'string' && v.value.toLowerCase() === 'continuous', absentIsAligned: false, fixValue: 'Continuous' },
  },
});

/** Settings of periodic backup that continuous backup rejects: the fix is withheld while they are there. */
const PERIODIC_ONLY = {
  bicep: [['properties', 'backupPolicy', 'periodicModeProperties']],
  terraform: [
    ['backup', 'interval_in_minutes'],
    ['backup', 'retention_in_hours'],
    ['backup', 'storage_redundancy'],
  ],
} as const;

export default refine(base, (report, ctx) => (PERIODIC_ONLY[ctx.language].some((p) => find(ctx.resource, p).state !== 'absent') ? withoutFixes(report) : report));
