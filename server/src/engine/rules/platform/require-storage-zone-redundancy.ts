// A Storage account that holds an AI workload's data should replicate across availability zones (ZRS, or GZRS/RA-GZRS for a second region too).
import type { Rule, RuleContext } from '../rule';
import { find, reportUndetermined, stringOf, UNDETERMINED } from './shared/inspect';
import { STORAGE_TYPES } from './shared/resources';

const LABEL = 'Storage account';

/** Legacy kinds that cannot be zone-redundant at all: general-purpose v1 and BlobStorage accounts. */
const LEGACY_KINDS = new Set(['storage', 'blobstorage']);

const rule: Rule = {
  id: 'require-storage-zone-redundancy',
  resourceTypes: STORAGE_TYPES,
  messages: {
    local: '{{label}} "{{name}}" keeps its data in a single zone ({{value}}): a zone outage makes the documents, training data or agent files it holds unavailable.',
    geo: '{{label}} "{{name}}" is geo-redundant but not zone-redundant ({{value}}): a zone outage in the primary region makes its data unavailable until a region failover.',
    undetermined: UNDETERMINED,
  },
  // The switch is a conversion in Azure and replaces the account (and its data) in Terraform, so no fix is offered.
  fixable: false,
  settings: [
    { language: 'bicep', setting: 'sku.name', recommended: "'Standard_ZRS', 'Standard_GZRS' or 'Standard_RAGZRS'", absentIsAligned: true },
    { language: 'terraform', setting: 'account_replication_type', recommended: '"ZRS", "GZRS" or "RAGZRS"', absentIsAligned: true },
  ],
  check(ctx: RuleContext): void {
    const kind = stringOf(find(ctx.resource, ctx.language === 'bicep' ? ['kind'] : ['account_kind']));
    if (LEGACY_KINDS.has(kind?.toLowerCase() ?? '')) return;
    const path = ctx.language === 'bicep' ? ['sku', 'name'] : ['account_replication_type'];
    const found = find(ctx.resource, path);
    if (found.state === 'unknown') return reportUndetermined(ctx, LABEL, path.join('.'), found);
    const sku = stringOf(found);
    if (sku === undefined || found.state !== 'known') return;
    // Bicep names end with the replication (`Standard_LRS`); azurerm states the replication alone (`LRS`).
    const replication = sku.slice(sku.indexOf('_') + 1).toUpperCase();
    const data = { label: LABEL, value: `\`${sku}\`` };
    if (replication === 'LRS') ctx.report({ messageId: 'local', data, at: found.entry.value.span });
    else if (replication === 'GRS' || replication === 'RAGRS') ctx.report({ messageId: 'geo', data, at: found.entry.value.span });
  },
};

export default rule;
