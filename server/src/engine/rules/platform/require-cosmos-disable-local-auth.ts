// A Cosmos DB account that stores chat history, vectors or agent state should refuse account keys, so every caller uses Microsoft Entra ID.
import { settingRule } from '../helpers/settingRule';
import { cosmosLabel, usesKeyOnlyApi } from './shared/cosmos';
import { COSMOS_TYPES } from './shared/resources';

export default settingRule({
  id: 'require-cosmos-disable-local-auth',
  resourceTypes: COSMOS_TYPES,
  label: cosmosLabel,
  // MongoDB (RU), Cassandra and Gremlin accounts only accept keys on their data plane, so the advice does not apply to them.
  appliesTo: (resource) => !usesKeyOnlyApi(resource),
  messages: {
    misaligned: '{{label}} "{{name}}" accepts account keys (`{{setting}}` is {{value}}): a leaked key reads and writes every conversation and vector it stores.',
    absent: '{{label}} "{{name}}" accepts account keys (`{{setting}}` is not set, which allows them): a leaked key reads and writes every conversation and vector it stores.',
  },
  fixTitle: 'Disable key-based authentication',
  settings: {
    // ARM: `disableLocalAuth` defaults to false. azurerm 5: `local_authentication_enabled` defaults to true.
    bicep: { path: ['properties', 'disableLocalAuth'], isAligned: (v) => v.kind === 'bool' && v.value, absentIsAligned: false, fixValue: true },
    terraform: {
      path: ['local_authentication_enabled'],
      isAligned: (v) => v.kind === 'bool' && !v.value,
      absentIsAligned: false,
      fixValue: false,
      // azurerm 4's inverted name, removed in 5.0.
      legacy: [{ path: ['local_authentication_disabled'], isAligned: (v) => v.kind === 'bool' && v.value, absentIsAligned: false, fixValue: true }],
    },
  },
});
