// AKS pods that call the model, the index and the stores should get Entra ID tokens through workload identity, not keys or the node's identity.
import { setSetting } from '../../fix/setSetting';
import type { Lookup } from '../helpers/lookup';
import type { Rule, RuleContext } from '../rule';
import type { TextEdit } from '../../types';
import { boolOf, find, mergeEdits, reportUndetermined, UNDETERMINED } from './shared/inspect';
import { AKS_CLUSTER_TYPES, isAksAutomatic } from './shared/resources';

const LABEL = 'AKS cluster';

const PATHS = {
  bicep: { identity: ['properties', 'securityProfile', 'workloadIdentity', 'enabled'], issuer: ['properties', 'oidcIssuerProfile', 'enabled'] },
  terraform: { identity: ['workload_identity_enabled'], issuer: ['oidc_issuer_enabled'] },
} as const;

/** Edits that turn both settings on; undefined when they cannot be written safely together. */
function enableBoth(ctx: RuleContext, identity: Lookup, issuer: Lookup): TextEdit[] | undefined {
  if (issuer.state === 'unknown') return undefined;
  // Two missing settings that would both create the same parent (`properties`) cannot be inserted side by side.
  if (identity.state === 'absent' && issuer.state === 'absent' && identity.parent === issuer.parent && identity.missing[0] === issuer.missing[0]) return undefined;
  const edits = [...(setSetting(ctx.text, ctx.language, identity, true) ?? [])];
  if (boolOf(issuer) !== true) edits.push(...(setSetting(ctx.text, ctx.language, issuer, true) ?? []));
  return mergeEdits(edits);
}

const rule: Rule = {
  id: 'require-aks-workload-identity',
  resourceTypes: AKS_CLUSTER_TYPES,
  messages: {
    absent:
      '{{label}} "{{name}}" has no workload identity (`{{setting}}` is not set): pods cannot get Microsoft Entra ID tokens of their own, so they reach AI services with keys or the node\'s identity.',
    misaligned:
      '{{label}} "{{name}}" has workload identity off (`{{setting}}` is false): pods cannot get Microsoft Entra ID tokens of their own, so they reach AI services with keys or the node\'s identity.',
    noIssuer: '{{label}} "{{name}}" enables workload identity but turns the OIDC issuer off (`{{setting}}` is false): workload identity cannot work without it.',
    undetermined: UNDETERMINED,
  },
  fixable: true,
  settings: [
    { language: 'bicep', setting: 'properties.securityProfile.workloadIdentity.enabled', recommended: 'true', absentIsAligned: false },
    { language: 'terraform', setting: 'workload_identity_enabled', recommended: 'true', absentIsAligned: false },
  ],
  check(ctx: RuleContext): void {
    // AKS Automatic preconfigures workload identity and the OIDC issuer.
    if (isAksAutomatic(ctx.resource)) return;
    const paths = PATHS[ctx.language];
    const identity = find(ctx.resource, paths.identity);
    const issuer = find(ctx.resource, paths.issuer);
    const setting = paths.identity.join('.');
    if (identity.state === 'unknown') return reportUndetermined(ctx, LABEL, setting, identity);
    const enabled = boolOf(identity);
    if (enabled === true) {
      // azurerm 5 turns the issuer on by default and ARM does so from Kubernetes 1.34; only an explicit false is a finding.
      if (issuer.state === 'known' && boolOf(issuer) === false) {
        const edits = setSetting(ctx.text, ctx.language, issuer, true);
        ctx.report({
          messageId: 'noIssuer',
          data: { label: LABEL, setting: paths.issuer.join('.') },
          at: issuer.entry.value.span,
          fixes: edits ? [{ title: 'Enable the OIDC issuer', edits, safe: false }] : [],
        });
      }
      return;
    }
    if (identity.state === 'known' && enabled === undefined) return;
    const edits = enableBoth(ctx, identity, issuer);
    const fixes = edits ? [{ title: 'Enable workload identity and the OIDC issuer', edits, safe: false }] : [];
    if (identity.state === 'known') ctx.report({ messageId: 'misaligned', data: { label: LABEL, setting }, at: identity.entry.value.span, fixes });
    else ctx.report({ messageId: 'absent', data: { label: LABEL, setting }, at: ctx.resource.nameSpan, fixes });
  },
};

export default rule;
