// The Key Vault that holds the customer-managed key of an AI resource has purge protection, or a purge destroys the data.
import { setSetting } from '../../fix/setSetting';
import { isKeyVault } from '../../graph/kinds';
import type { TextEdit } from '../../types';
import { lookup } from '../helpers/lookup';
import { isBroken, workloadRule, type WorkloadRuleContext } from '../workloadRule';
import { AI_RESOURCE_TYPES, aiLabel, judgedAiResource } from './shared/resources';

export default workloadRule({
  id: 'require-cmk-vault-purge-protection',
  resourceTypes: AI_RESOURCE_TYPES,
  appliesTo: (resource) => !resource.existing,
  messages: {
    unprotected:
      '{{label}} "{{name}}" encrypts its data with a key in Key Vault "{{vault}}", which can be purged ({{state}}): once the vault or the key is purged, the data encrypted with it can never be read again.',
    undetermined: 'Could not determine whether Key Vault "{{vault}}", which holds the key of {{label}} "{{name}}", has purge protection: {{reason}}.',
  },
  fixable: true,
  settings: [
    { language: 'bicep', setting: 'properties.enablePurgeProtection (of the key\'s vault)', recommended: 'true', absentIsAligned: false },
    { language: 'terraform', setting: 'purge_protection_enabled (of the key\'s vault)', recommended: 'true', absentIsAligned: false },
  ],
  checkWorkload(ctx: WorkloadRuleContext): void {
    for (const edge of ctx.graph.edges) {
      if (edge.kind !== 'customerManagedKey' || edge.to === undefined) continue;
      const owner = ctx.graph.node(edge.from);
      const vault = ctx.graph.node(edge.to);
      // A vault declared elsewhere (`existing`, a data source) is not ours to judge: its settings are not in the code.
      if (!owner || !vault || !judgedAiResource(owner) || !isKeyVault(vault.type) || vault.existing) continue;
      const resource = vault.resource;
      const arm = resource.language === 'bicep' || resource.azapi === true;
      const found = lookup(resource.body, arm ? ['properties', 'enablePurgeProtection'] : ['purge_protection_enabled'], resource.language, !arm);
      const data = { label: aiLabel(owner.resource), vault: resource.name };
      const related = [{ file: vault.file, span: vault.nameSpan, message: `Key Vault "${resource.name}" is declared here.` }];
      // A vault that does not parse may set purge protection in its broken part: the owner's check waits, undetermined.
      if (isBroken(vault)) {
        ctx.report({ messageId: 'undetermined', node: owner, file: edge.file, at: edge.span, data: { ...data, reason: 'its declaration does not parse, so its settings are not known until it does' }, related, undetermined: true });
        continue;
      }
      if (found.state === 'unknown') {
        ctx.report({ messageId: 'undetermined', node: owner, file: edge.file, at: edge.span, data: { ...data, reason: found.reason }, related, undetermined: true });
        continue;
      }
      if (found.state === 'known' && found.value.kind === 'bool' && found.value.value) continue;
      const setting = arm ? '`properties.enablePurgeProtection`' : '`purge_protection_enabled`';
      const state = found.state === 'absent' ? `${setting} is not set` : `${setting} is ${found.value.kind === 'bool' ? String(found.value.value) : found.value.kind}`;
      // The vault may sit in another file than the finding: its edits name that file.
      const text = ctx.text(vault.file);
      const edits = text === undefined ? undefined : setSetting(text, resource.language, found, true, vault.file);
      const named = edits?.map((e): TextEdit => (e.file === undefined && vault.file !== edge.file ? { ...e, file: vault.file } : e.file === edge.file ? { span: e.span, text: e.text } : e));
      const fixes = named ? [{ title: 'Enable purge protection on the key\'s vault (irreversible)', edits: named, safe: false }] : [];
      ctx.report({ messageId: 'unprotected', node: owner, file: edge.file, at: edge.span, data: { ...data, state }, related, fixes });
    }
  },
});
