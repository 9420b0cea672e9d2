// Blob soft delete lets a workload recover documents, training data and agent files that were deleted or overwritten by mistake.
import { setSetting } from '../../fix/setSetting';
import type { Rule, RuleContext } from '../rule';
import { accountKindIs, blobServiceLabel } from './shared/blobService';
import { boolOf, find, findIn, numberOf, reportUndetermined, UNDETERMINED } from './shared/inspect';
import { BLOB_SERVICE_TYPES } from './shared/resources';

/** The azurerm default retention of a `delete_retention_policy` block, written out by the fix. */
const DEFAULT_DAYS = 7;

const rule: Rule = {
  id: 'require-storage-blob-soft-delete',
  resourceTypes: BLOB_SERVICE_TYPES,
  messages: {
    absent: '{{label}} "{{name}}" has no blob soft delete (`{{setting}}` is not set): a deleted document, training file or agent file cannot be recovered.',
    disabled: '{{label}} "{{name}}" has blob soft delete off (`{{setting}}` is false): a deleted document, training file or agent file cannot be recovered.',
    undetermined: UNDETERMINED,
  },
  fixable: true,
  settings: [
    { language: 'bicep', setting: 'properties.deleteRetentionPolicy.enabled', recommended: 'true (with days)', absentIsAligned: false },
    { language: 'terraform', setting: 'blob_properties.delete_retention_policy', recommended: 'a block (days defaults to 7)', absentIsAligned: false },
  ],
  check(ctx: RuleContext): void {
    const label = blobServiceLabel(ctx.resource);
    if (ctx.language === 'terraform') {
      if (accountKindIs(ctx, ['filestorage'])) return;
      // In azurerm the policy block itself turns soft delete on; without it the provider sends `enabled: false`.
      const setting = 'blob_properties.delete_retention_policy';
      const found = find(ctx.resource, ['blob_properties', 'delete_retention_policy']);
      if (found.state === 'unknown') return reportUndetermined(ctx, label, setting, found);
      if (found.state === 'known') return;
      const edits = setSetting(ctx.text, 'terraform', find(ctx.resource, ['blob_properties', 'delete_retention_policy', 'days']), DEFAULT_DAYS);
      ctx.report({ messageId: 'absent', data: { label, setting }, at: ctx.resource.nameSpan, fixes: edits ? [{ title: 'Enable blob soft delete', edits, safe: false }] : [] });
      return;
    }
    // ARM leaves blob soft delete off unless the blob service says otherwise.
    const setting = 'properties.deleteRetentionPolicy.enabled';
    const found = find(ctx.resource, ['properties', 'deleteRetentionPolicy', 'enabled']);
    if (found.state === 'unknown') return reportUndetermined(ctx, label, setting, found);
    if (found.state === 'absent') return ctx.report({ messageId: 'absent', data: { label, setting }, at: ctx.resource.nameSpan });
    if (boolOf(found) !== false) return;
    // Turning the policy on is offered only where its retention is already stated, so the fix never has to pick one.
    const policy = find(ctx.resource, ['properties', 'deleteRetentionPolicy']);
    const hasDays = policy.state === 'known' && policy.value.kind === 'object' && numberOf(findIn(policy.value, ['days'], 'bicep', false)) !== undefined;
    const edits = hasDays ? setSetting(ctx.text, 'bicep', found, true) : undefined;
    ctx.report({ messageId: 'disabled', data: { label, setting }, at: found.entry.value.span, fixes: edits ? [{ title: 'Enable blob soft delete', edits, safe: false }] : [] });
  },
};

export default rule;
