// An AI Search firewall rule of `0.0.0.0/0` lets the whole internet reach the index that grounds the model's answers.
import type { Value } from '../../model/types';
import { SEARCH_TYPES } from '../helpers/labels';
import type { Rule, RuleContext } from '../rule';
import { arrayItems, boolOf, find, findIn, reportUndetermined, stringOf, UNDETERMINED } from './shared/inspect';
import { searchLabel } from './shared/resources';

/** A CIDR with a zero-length prefix covers every address, whatever its base address. */
const isOpenRange = (cidr: string): boolean => /\/0$/.test(cidr.trim());

/** True when the code closes the public endpoint, so IP rules have no effect. */
function publicAccessClosed(ctx: RuleContext): boolean {
  if (ctx.language === 'terraform') return boolOf(find(ctx.resource, ['public_network_access_enabled'])) === false;
  const value = stringOf(find(ctx.resource, ['properties', 'publicNetworkAccess']))?.toLowerCase();
  return value === 'disabled' || value === 'securedbyperimeter';
}

const rule: Rule = {
  id: 'no-search-open-ip-rules',
  resourceTypes: SEARCH_TYPES,
  messages: {
    open: '{{label}} "{{name}}" admits every IPv4 address: the IP rule {{value}} opens the index to the whole internet.',
    undetermined: UNDETERMINED,
  },
  fixable: false,
  settings: [
    { language: 'bicep', setting: 'properties.networkRuleSet.ipRules[].value', recommended: 'specific ranges', absentIsAligned: true },
    { language: 'terraform', setting: 'allowed_ips', recommended: 'specific ranges', absentIsAligned: true },
  ],
  check(ctx: RuleContext): void {
    if (publicAccessClosed(ctx)) return;
    const label = searchLabel();
    const setting = ctx.language === 'bicep' ? 'properties.networkRuleSet.ipRules' : 'allowed_ips';
    const found = find(ctx.resource, setting.split('.'));
    if (found.state === 'absent') return;
    if (found.state === 'unknown') return reportUndetermined(ctx, label, setting, found);
    const items = arrayItems(found.value);
    if (!items) return;
    for (const item of items) {
      // Bicep rules are objects `{ value: '1.2.3.0/24' }`; azurerm takes plain strings.
      let value: Value | undefined = item;
      if (ctx.language === 'bicep') {
        if (item.kind !== 'object') continue;
        const inner = findIn(item, ['value'], 'bicep', false);
        value = inner.state === 'known' ? inner.value : undefined;
        if (inner.state === 'unknown') reportUndetermined(ctx, label, `${setting}[].value`, inner, item.span);
      }
      if (value?.kind === 'expression') {
        reportUndetermined(ctx, label, setting, { state: 'unknown', reason: `\`${value.text}\` is not known from the code`, at: undefined }, value.span);
      } else if (value?.kind === 'string' && isOpenRange(value.value)) {
        ctx.report({ messageId: 'open', data: { label, value: `\`${value.value}\`` }, at: value.span });
      }
    }
  },
};

export default rule;
