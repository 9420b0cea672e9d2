// The API server of an AKS cluster that hosts inference should be private or limited to authorized IP ranges, not open to the whole internet.
import type { Rule, RuleContext } from '../rule';
import { arrayItems, boolOf, find, reportUndetermined, UNDETERMINED } from './shared/inspect';
import { AKS_CLUSTER_TYPES } from './shared/resources';

const LABEL = 'AKS cluster';

const PATHS = {
  bicep: { private: ['properties', 'apiServerAccessProfile', 'enablePrivateCluster'], ranges: ['properties', 'apiServerAccessProfile', 'authorizedIPRanges'] },
  terraform: { private: ['private_cluster_enabled'], ranges: ['api_server_access_profile', 'authorized_ip_ranges'] },
} as const;

const rule: Rule = {
  id: 'require-aks-restricted-api-server',
  resourceTypes: AKS_CLUSTER_TYPES,
  messages: {
    open: '{{label}} "{{name}}" exposes its API server to the internet: it is not a private cluster and no authorized IP ranges are set in `{{setting}}`.',
    anyAddress: '{{label}} "{{name}}" exposes its API server to the internet: `{{setting}}` includes {{value}}.',
    undetermined: UNDETERMINED,
  },
  // Going private or choosing the allowed ranges depends on how operators reach the cluster, so no fix is offered.
  fixable: false,
  settings: [
    { language: 'bicep', setting: 'properties.apiServerAccessProfile.enablePrivateCluster', recommended: 'true (or authorizedIPRanges)', absentIsAligned: false },
    { language: 'terraform', setting: 'private_cluster_enabled', recommended: 'true (or api_server_access_profile.authorized_ip_ranges)', absentIsAligned: false },
  ],
  check(ctx: RuleContext): void {
    const paths = PATHS[ctx.language];
    const isPrivate = find(ctx.resource, paths.private);
    if (boolOf(isPrivate) === true) return;
    if (isPrivate.state === 'unknown') return reportUndetermined(ctx, LABEL, paths.private.join('.'), isPrivate);
    const setting = paths.ranges.join('.');
    const ranges = find(ctx.resource, paths.ranges);
    if (ranges.state === 'unknown') return reportUndetermined(ctx, LABEL, setting, ranges);
    const items = ranges.state === 'known' ? arrayItems(ranges.value) : [];
    if (items === undefined) return;
    if (items.some((i) => i.kind === 'expression')) return;
    const anyAddress = items.find((i) => i.kind === 'string' && /\/0$/.test(i.value.trim()));
    if (anyAddress?.kind === 'string') {
      ctx.report({ messageId: 'anyAddress', data: { label: LABEL, setting, value: `\`${anyAddress.value}\`` }, at: anyAddress.span });
    } else if (items.length === 0) {
      ctx.report({ messageId: 'open', data: { label: LABEL, setting }, at: ranges.state === 'known' ? ranges.entry.value.span : ctx.resource.nameSpan });
    }
  },
};

export default rule;
