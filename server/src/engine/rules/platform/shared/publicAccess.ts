// Judges whether a Key Vault or a Storage account is open to public networks: public access not disabled and a firewall that allows by default.
import { setSetting } from '../../../fix/setSetting';
import type { Resource } from '../../../model/types';
import type { Rule, RuleContext } from '../../rule';
import { describeLiteral } from '../../helpers/lookup';
import { boolOf, find, findIn, reportUndetermined, stringOf, UNDETERMINED } from './inspect';

export interface PublicAccessSpec {
  id: string;
  resourceTypes: Rule['resourceTypes'];
  label: string;
  /** Where the firewall's default action lives, per language. */
  defaultAction: { bicep: readonly string[]; terraform: readonly string[] };
  /** A separate resource that can carry the firewall instead (azurerm's `azurerm_storage_account_network_rules`). */
  separateRules?: { type: string; accountAttribute: string; defaultAction: string };
}

const PUBLIC_ACCESS = { bicep: ['properties', 'publicNetworkAccess'], terraform: ['public_network_access_enabled'] } as const;

/** `Disabled` closes the endpoint; `SecuredByPerimeter` hands it to a network security perimeter. */
const CLOSED = new Set(['disabled', 'securedbyperimeter']);

/** The separate network-rules resource of this file that points at `account`, if any. */
function separateRulesFor(ctx: RuleContext, spec: NonNullable<PublicAccessSpec['separateRules']>, account: Resource): Resource | undefined {
  return ctx.model.resources.find((r) => {
    if (r.type !== spec.type) return false;
    const target = find(r, [spec.accountAttribute]);
    return target.state === 'unknown' && target.at?.value.kind === 'expression' && target.at.value.references.some((ref) => ref.startsWith(`${account.name}.`));
  });
}

/** A rule that reports a vault or account that accepts traffic from any network. */
export function publicAccessRule(spec: PublicAccessSpec): Rule {
  return {
    id: spec.id,
    resourceTypes: spec.resourceTypes,
    messages: {
      enabled: '{{label}} "{{name}}" is reachable from any network: `{{setting}}` is {{value}} and the firewall does not deny traffic by default.',
      absent: '{{label}} "{{name}}" is reachable from any network: `{{setting}}` is not set and the firewall does not deny traffic by default.',
      undetermined: UNDETERMINED,
    },
    fixable: true,
    settings: [
      { language: 'bicep', setting: PUBLIC_ACCESS.bicep.join('.'), recommended: "'Disabled'", absentIsAligned: false },
      { language: 'terraform', setting: PUBLIC_ACCESS.terraform.join('.'), recommended: 'false', absentIsAligned: false },
    ],
    check(ctx: RuleContext): void {
      const { language, resource } = ctx;
      const setting = PUBLIC_ACCESS[language].join('.');
      const access = find(resource, PUBLIC_ACCESS[language]);
      if (language === 'bicep' ? CLOSED.has(stringOf(access)?.toLowerCase() ?? '') : boolOf(access) === false) return;
      // A firewall that denies by default limits the public endpoint to chosen networks, which is the other accepted answer.
      const actionPath = spec.defaultAction[language];
      const action = find(resource, actionPath);
      if (stringOf(action)?.toLowerCase() === 'deny') return;
      if (language === 'terraform' && spec.separateRules && action.state === 'absent') {
        const rules = separateRulesFor(ctx, spec.separateRules, resource);
        if (rules) {
          const separate = findIn(rules.body, [spec.separateRules.defaultAction], 'terraform', true);
          if (stringOf(separate)?.toLowerCase() === 'deny') return;
          if (separate.state === 'unknown') return reportUndetermined(ctx, spec.label, `${rules.name}.${spec.separateRules.defaultAction}`, separate);
        }
      }
      if (access.state === 'unknown') return reportUndetermined(ctx, spec.label, setting, access);
      if (action.state === 'unknown') return reportUndetermined(ctx, spec.label, actionPath.join('.'), action);
      const edits = setSetting(ctx.text, language, access, language === 'bicep' ? 'Disabled' : false);
      const fixes = edits ? [{ title: 'Disable public network access', edits, safe: false }] : [];
      if (access.state === 'known') {
        ctx.report({ messageId: 'enabled', data: { label: spec.label, setting, value: describeLiteral(access.value) }, at: access.entry.value.span, fixes });
      } else {
        ctx.report({ messageId: 'absent', data: { label: spec.label, setting }, at: resource.nameSpan, fixes });
      }
    },
  };
}
