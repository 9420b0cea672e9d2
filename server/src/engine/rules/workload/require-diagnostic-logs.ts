// AI resources send their audit and request logs somewhere: a diagnostic setting with the categories that matter.
import { isAiAccount } from '../../graph/kinds';
import type { GraphEdge } from '../../graph/types';
import { isBroken, workloadRule, type WorkloadRuleContext } from '../workloadRule';
import { AI_RESOURCE_TYPES, aiLabel, isProject, judgedAiResource, uncertainty } from './shared/resources';

/** The categories an AI account must log, and what else covers them: `allLogs` covers both, `audit` covers `Audit`. */
const ACCOUNT_NEEDS: ReadonlyArray<{ category: string; groups: readonly string[] }> = [
  { category: 'Audit', groups: ['allLogs', 'audit'] },
  { category: 'RequestResponse', groups: ['allLogs'] },
];

export default workloadRule({
  id: 'require-diagnostic-logs',
  resourceTypes: AI_RESOURCE_TYPES,
  appliesTo: (resource) => !resource.existing && !isProject(resource),
  messages: {
    missing:
      '{{label}} "{{name}}" has no diagnostic settings: its {{what}} are not collected, so misuse of the model and its data cannot be traced or alerted on.',
    categories:
      '{{label}} "{{name}}" does not log {{missing}}: its diagnostic settings enable {{enabled}}. Enable the {{missing}} categories, or the `allLogs` category group.',
    noLogs: '{{label}} "{{name}}" logs nothing: its diagnostic settings enable no log category or category group, only metrics.',
    undetermined: 'Could not determine whether {{label}} "{{name}}" {{question}}: {{reason}}.',
  },
  fixable: false,
  checkWorkload(ctx: WorkloadRuleContext): void {
    for (const node of ctx.graph.nodes) {
      if (!judgedAiResource(node)) continue;
      const label = aiLabel(node.resource);
      const account = isAiAccount(node.type);
      const settings = ctx.graph.to(node.id, 'diagnostics');
      if (settings.length === 0) {
        const unsure = uncertainty(ctx, node, 'diagnostics');
        if (unsure) ctx.report({ messageId: 'undetermined', node, data: { label, question: 'has diagnostic settings', reason: unsure.reason }, related: unsure.related, undetermined: true });
        else ctx.report({ messageId: 'missing', node, data: { label, what: account ? 'audit and request-response logs' : 'logs' } });
        continue;
      }
      const shownCategories = [...new Set(settings.flatMap((e) => e.details.categories ?? []))];
      const shownGroups = [...new Set(settings.flatMap((e) => e.details.categoryGroups ?? []))];
      // Category names compare case-insensitively, as Azure Monitor does.
      const categories = shownCategories.map((c) => c.toLowerCase());
      const groups = shownGroups.map((g) => g.toLowerCase());
      // A setting that does not parse may enable categories in its broken part: what it logs is not known until it parses.
      const brokenSetting = settings.map((e) => ctx.graph.node(e.from)).find((n) => n !== undefined && isBroken(n));
      const unknownLogs = brokenSetting !== undefined || settings.some((e) => e.details.logsUnknown);
      const unknownReason = brokenSetting
        ? `diagnostic setting "${brokenSetting.resource.name}" does not parse, so the categories it enables are not known until it does`
        : 'the log categories of its diagnostic settings are not known from the code';
      const related = settings.map((e: GraphEdge) => ({ file: e.file, span: e.span, message: `Diagnostic setting "${ctx.graph.node(e.from)?.resource.name ?? e.from}" monitors it here.` }));
      if (account) {
        const missing = ACCOUNT_NEEDS.filter((n) => !categories.includes(n.category.toLowerCase()) && !n.groups.some((g) => groups.includes(g.toLowerCase())));
        if (missing.length === 0) continue;
        const names = missing.map((m) => `\`${m.category}\``).join(' and ');
        if (unknownLogs) {
          ctx.report({ messageId: 'undetermined', node, data: { label, question: `logs ${names}`, reason: unknownReason }, related, undetermined: true });
          continue;
        }
        const enabled = [...shownCategories.map((c) => `\`${c}\``), ...shownGroups.map((g) => `the \`${g}\` group`)];
        ctx.report({ messageId: 'categories', node, data: { label, missing: names, enabled: enabled.length > 0 ? enabled.join(', ') : 'no logs' }, related });
        continue;
      }
      if (categories.length > 0 || groups.length > 0) continue;
      if (unknownLogs) ctx.report({ messageId: 'undetermined', node, data: { label, question: 'logs anything', reason: unknownReason }, related, undetermined: true });
      else ctx.report({ messageId: 'noLogs', node, data: { label }, related });
    }
  },
});
