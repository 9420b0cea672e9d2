// Azure Machine Learning online deployments can capture their inputs and outputs, the data that model monitoring needs to spot drift.
import { variantRule } from './shared/variantRule';
import { ARM_DEPLOYMENT, deploymentLabel } from './shared/resources';
import type { Value } from '../../model/types';

// Awareness: without a data collector nothing records production inputs and outputs (`dataCollector` is in the API
// versions from 2023-04-01-preview on). No fix: the collections and their data assets are the team's to name.
const setting = { path: ['properties', 'dataCollector'], isAligned: (v: Value) => v.kind === 'object', absentIsAligned: false, fixValue: 'collections' };

export default variantRule({
  id: 'prefer-ml-deployment-data-collector',
  label: deploymentLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" records none of its production inputs and outputs: `{{setting}}` is {{value}}.',
    absent: '{{label}} "{{name}}" records none of its production inputs and outputs for drift monitoring: `{{setting}}` is not set.',
  },
  fixTitle: 'Collect model inputs and outputs',
  fixable: false,
  variants: [
    {
      types: { bicep: [ARM_DEPLOYMENT], terraform: [ARM_DEPLOYMENT] },
      settings: { bicep: setting, terraform: setting },
      recommended: { bicep: '{ collections: { model_inputs: …, model_outputs: … } }', terraform: '{ collections = { model_inputs = …, model_outputs = … } }' },
    },
  ],
});
