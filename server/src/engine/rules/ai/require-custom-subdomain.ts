// AI accounts should have a custom subdomain: Microsoft Entra ID tokens, private endpoints and the Foundry Agent Service all need one.
import { insertIntoObject } from '../../fix/setSetting';
import { literalText } from '../../fix/literal';
import type { Fix } from '../../types';
import { lookup } from '../helpers/lookup';
import type { Rule, RuleContext } from '../rule';
import { ACCOUNT_TYPES, accountLabel } from './shared/resources';

const PATHS = { bicep: ['properties', 'customSubDomainName'], terraform: ['custom_subdomain_name'] } as const;

/** A host-name label: letters, digits and inner hyphens; account names may also hold `_` and `.`, which a subdomain may not. */
const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/i;

const rule: Rule = {
  id: 'require-custom-subdomain',
  resourceTypes: ACCOUNT_TYPES,
  messages: {
    absent:
      '{{label}} "{{name}}" has no custom subdomain: `{{setting}}` is not set, so callers cannot use Microsoft Entra ID tokens and no private endpoint can be attached.',
    empty: '{{label}} "{{name}}" has no custom subdomain: `{{setting}}` is empty.',
    undetermined: 'Could not determine `{{setting}}` of {{label}} "{{name}}": {{reason}}.',
  },
  fixable: true,
  settings: [
    { language: 'bicep', setting: PATHS.bicep.join('.'), recommended: 'the account name', absentIsAligned: false },
    { language: 'terraform', setting: PATHS.terraform.join('.'), recommended: 'the account name', absentIsAligned: false },
  ],
  check(ctx: RuleContext): void {
    const path = PATHS[ctx.language];
    const data = { label: accountLabel(ctx.resource), setting: path.join('.') };
    const found = lookup(ctx.resource.body, path, ctx.language);
    if (found.state === 'unknown') {
      // A subdomain from a parameter or an expression is set; which name it gets is not this rule's concern.
      if (found.at?.key.toLowerCase() === path[path.length - 1]!.toLowerCase()) return;
      ctx.report({ messageId: 'undetermined', data: { ...data, reason: found.reason }, at: found.at?.value.span ?? ctx.resource.nameSpan, undetermined: true });
      return;
    }
    if (found.state === 'known') {
      if (found.value.kind === 'string' && found.value.value.trim() === '') ctx.report({ messageId: 'empty', data, at: found.entry.value.span });
      return;
    }
    // The account name is the usual choice (the AI Foundry baseline does so); it must be globally unique, and it cannot be changed later.
    const name = lookup(ctx.resource.body, ['name'], ctx.language);
    let valueText: string | undefined;
    if (name.state === 'known' && name.value.kind === 'string' && SUBDOMAIN.test(name.value.value)) valueText = literalText(ctx.language, name.value.value);
    else if (name.state === 'unknown' && name.at && name.at.value.kind === 'expression') valueText = name.at.value.text;
    const fixes: Fix[] = valueText
      ? [{ title: 'Use the account name as the custom subdomain', edits: [insertIntoObject(ctx.text, ctx.language, found.parent, found.missing, valueText, found.parentIsBlock)], safe: false }]
      : [];
    ctx.report({ messageId: 'absent', data, at: ctx.resource.nameSpan, fixes });
  },
};

export default rule;
