// Facts about a Cosmos DB account that decide which rules apply: its API (NoSQL and Table accept Entra ID; MongoDB RU, Cassandra and Gremlin need keys).
import type { Resource } from '../../../model/types';
import { entriesNamed, find, findIn, stringOf } from './inspect';

/** Capabilities that switch an account to an API whose data plane only accepts keys. */
const KEY_ONLY_CAPABILITIES = new Set(['enablecassandra', 'enablegremlin', 'enablemongo']);

/** True when the account serves MongoDB (RU), Cassandra or Gremlin, where key-based authentication cannot be turned off. */
export function usesKeyOnlyApi(resource: Resource): boolean {
  const kind = stringOf(find(resource, ['kind']))?.toLowerCase();
  if (kind === 'mongodb') return true;
  if (resource.language === 'terraform') {
    return entriesNamed(resource.body, 'capabilities', 'terraform').some(
      (e) => e.value.kind === 'object' && KEY_ONLY_CAPABILITIES.has(stringOf(findIn(e.value, ['name'], 'terraform', true))?.toLowerCase() ?? ''),
    );
  }
  const capabilities = find(resource, ['properties', 'capabilities']);
  if (capabilities.state !== 'known' || capabilities.value.kind !== 'array') return false;
  return capabilities.value.items.some(
    (item) => item.kind === 'object' && KEY_ONLY_CAPABILITIES.has(stringOf(findIn(item, ['name'], 'bicep', false))?.toLowerCase() ?? ''),
  );
}

export const cosmosLabel = (): string => 'Cosmos DB account';
