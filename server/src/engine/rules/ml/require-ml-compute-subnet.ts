// Azure Machine Learning compute clusters and instances should sit in a subnet unless their workspace gives them a managed network.
import type { Rule, RuleContext } from '../rule';
import { lookup } from '../helpers/lookup';
import {
  ARM_COMPUTE,
  computeLabel,
  isArm,
  isClusterOrInstance,
  isolationMode,
  parentWorkspace,
  TF_CLUSTER,
  TF_INSTANCE,
  UNDETERMINED,
  workspaceLabel,
} from './shared/resources';

const ARM_PATH = ['properties', 'properties', 'subnet'] as const;
const TF_PATH = ['subnet_resource_id'] as const;

const rule: Rule = {
  id: 'require-ml-compute-subnet',
  resourceTypes: { bicep: [ARM_COMPUTE], terraform: [TF_CLUSTER, TF_INSTANCE, ARM_COMPUTE] },
  messages: {
    absent: '{{label}} "{{name}}" is in no network boundary: `{{setting}}` is not set and its {{workspace}} "{{workspaceName}}" has no managed network.',
    undetermined: UNDETERMINED,
  },
  // No fix: only the team knows which subnet the compute belongs in.
  appliesTo: isClusterOrInstance,
  fixable: false,
  settings: [
    { language: 'bicep', setting: ARM_PATH.join('.'), recommended: '{ id: <subnet id> }', absentIsAligned: false },
    { language: 'terraform', setting: TF_PATH.join('.'), recommended: '<subnet id>', absentIsAligned: false },
    { language: 'terraform', setting: `body.${ARM_PATH.join('.')}`, recommended: '{ id = <subnet id> }', absentIsAligned: false },
  ],
  check(ctx: RuleContext): void {
    const { resource } = ctx;
    if (!isClusterOrInstance(resource)) return;
    const path = isArm(resource) ? ARM_PATH : TF_PATH;
    const setting = path.join('.');
    const label = computeLabel(resource);
    // Any subnet the code wires in, literal or referenced, answers the question; its value is not this rule's concern.
    if (lookup(resource.body, path, ctx.language, false).state !== 'absent') return;
    // Without a subnet, a compute is isolated only by its workspace's managed network, so read the workspace when
    // this file declares it.
    const workspace = parentWorkspace(resource, ctx.model);
    const undetermined = (reason: string): void =>
      ctx.report({ messageId: 'undetermined', data: { label, setting, reason }, at: resource.nameSpan, undetermined: true });
    if (!workspace) return undetermined('it has no subnet, and its workspace is not declared in this file, so whether a managed network isolates it is not known');
    if (workspace.existing) return undetermined(`it has no subnet, and its workspace "${workspace.name}" is declared elsewhere, so whether a managed network isolates it is not known`);
    const mode = isolationMode(workspace);
    if (mode === 'allowinternetoutbound' || mode === 'allowonlyapprovedoutbound') return;
    if (mode === 'unknown') return undetermined(`it has no subnet, and the managed network of its workspace "${workspace.name}" is not known from the code`);
    ctx.report({
      messageId: 'absent',
      data: { label, setting, workspace: workspaceLabel(workspace), workspaceName: workspace.name },
      at: resource.nameSpan,
      related: [{ file: ctx.model.file, span: workspace.nameSpan, message: `The ${workspaceLabel(workspace)} without a managed network.` }],
    });
  },
};

export default rule;
