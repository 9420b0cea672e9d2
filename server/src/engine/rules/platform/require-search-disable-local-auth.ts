// AI Search should refuse API keys so that the orchestrator and indexers query and write the index with Microsoft Entra ID identities.
import { SEARCH_TYPES } from '../helpers/labels';
import { settingRule } from '../helpers/settingRule';
import { find, mergeEdits, refine, withoutFixes } from './shared/inspect';
import { searchLabel } from './shared/resources';

const base = settingRule({
  id: 'require-search-disable-local-auth',
  resourceTypes: SEARCH_TYPES,
  label: searchLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" accepts API keys: `{{setting}}` is {{value}}, so anyone holding a key can read or change the index.',
    absent: '{{label}} "{{name}}" accepts API keys: `{{setting}}` is not set, and keys are allowed by default.',
  },
  fixTitle: 'Disable API key authentication',
  settings: {
    // ARM: `disableLocalAuth` unset means keys work. azurerm: `local_authentication_enabled` defaults to true.
    bicep: { path: ['properties', 'disableLocalAuth'], isAligned: (v) => v.kind === 'bool' && v.value, absentIsAligned: false, fixValue: true },
    terraform: { path: ['local_authentication_enabled'], isAligned: (v) => v.kind === 'bool' && !v.value, absentIsAligned: false, fixValue: false },
  },
});

/**
 * The service rejects `disableLocalAuth: true` beside `authOptions` (ARM), and azurerm rejects
 * `local_authentication_enabled = false` beside `authentication_failure_mode`. In Bicep the fix also sets `authOptions`
 * to null, as Microsoft's own templates do; in Terraform, where that would mean deleting lines, the fix is withheld.
 */
export default refine(base, (report, ctx) => {
  if (!report.fixes?.length) return report;
  if (ctx.language === 'terraform') return find(ctx.resource, ['authentication_failure_mode']).state === 'absent' ? report : withoutFixes(report);
  const options = find(ctx.resource, ['properties', 'authOptions']);
  if (options.state === 'absent' || (options.state === 'known' && options.value.kind === 'null')) return report;
  if (options.state !== 'known') return withoutFixes(report);
  const [fix] = report.fixes;
  const edits = mergeEdits([...fix!.edits, { span: options.entry.value.span, text: 'null' }]);
  return edits ? { ...report, fixes: [{ ...fix!, edits }] } : withoutFixes(report);
});
