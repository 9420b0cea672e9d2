// Azure Machine Learning online deployments should send their request logs and metrics to Application Insights.
import { variantRule } from './shared/variantRule';
import { ARM_DEPLOYMENT, deploymentLabel, isTrue } from './shared/resources';

// Off unless set.
const setting = { path: ['properties', 'appInsightsEnabled'], isAligned: isTrue, absentIsAligned: false, fixValue: true };

export default variantRule({
  id: 'require-ml-deployment-app-insights',
  label: deploymentLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" sends no telemetry to Application Insights: `{{setting}}` is {{value}}.',
    absent: '{{label}} "{{name}}" sends no telemetry to Application Insights: `{{setting}}` is not set, and it is off by default.',
  },
  fixTitle: 'Send telemetry to Application Insights',
  variants: [{ types: { bicep: [ARM_DEPLOYMENT], terraform: [ARM_DEPLOYMENT] }, settings: { bicep: setting, terraform: setting } }],
});
