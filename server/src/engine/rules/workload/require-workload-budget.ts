// A workload that deploys AI resources also declares a cost budget, so runaway token or compute spend raises an alert.
import { isBudget } from '../../graph/kinds';
import { workloadRule, type WorkloadRuleContext } from '../workloadRule';
import { AI_RESOURCE_TYPES, aiLabel, judgedAiResource } from './shared/resources';

export default workloadRule({
  id: 'require-workload-budget',
  resourceTypes: AI_RESOURCE_TYPES,
  appliesTo: (resource) => !resource.existing,
  messages: {
    missing:
      'The workload deploys {{label}} "{{name}}" but no budget: no `Microsoft.Consumption/budgets` (Terraform: `azurerm_consumption_budget_*`) is declared, so nobody is alerted when token or compute spend runs away.',
  },
  fixable: false,
  checkWorkload(ctx: WorkloadRuleContext): void {
    const graph = ctx.graph;
    // A budget anywhere in the workspace counts, whatever deployment declares it (budgets often live at subscription scope);
    // so does a module the engine does not read whose source names a budget (`br/public:avm/res/consumption/budget`).
    if (graph.nodes.some((n) => isBudget(n.type)) || graph.opaque.some((o) => /budget/i.test(o.source))) return;
    const ai = graph.nodes.filter(judgedAiResource).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.span.start - b.span.start));
    const first = ai[0];
    if (!first) return;
    // One finding for the workload, on its first AI resource (in every deployment that declares it).
    for (const node of ai.filter((n) => n.file === first.file && n.span.start === first.span.start)) {
      ctx.report({ messageId: 'missing', node, data: { label: aiLabel(node.resource) } });
    }
  },
});
