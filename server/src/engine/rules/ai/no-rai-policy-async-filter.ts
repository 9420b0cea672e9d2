// Content filter policies should vet streamed completions before they reach the user, not asynchronously afterwards.
import { settingRule } from '../helpers/settingRule';
import type { Value } from '../../model/types';
import { RAI_POLICY_TYPES, raiPolicyLabel } from './shared/resources';

/** `Asynchronous_filter` (api 2025-06-01 and later) and `Deferred` (its earlier name) stream completions before filtering. */
const ASYNCHRONOUS = new Set(['asynchronous_filter', 'deferred']);
const isBuffered = (v: Value): boolean => !(v.kind === 'string' && ASYNCHRONOUS.has(v.value.toLowerCase()));

export default settingRule({
  id: 'no-rai-policy-async-filter',
  resourceTypes: RAI_POLICY_TYPES,
  label: raiPolicyLabel,
  messages: {
    misaligned:
      '{{label}} "{{name}}" filters streamed completions asynchronously: `{{setting}}` is {{value}}, so harmful content can be shown to the user before the filter flags it and stops the stream.',
    absent: '{{label}} "{{name}}" does not set `{{setting}}`.',
  },
  fixTitle: 'Filter completions before streaming them',
  settings: {
    // Absent means `Default`: completions are buffered and vetted chunk by chunk before they are returned.
    bicep: { path: ['properties', 'mode'], isAligned: isBuffered, absentIsAligned: true, fixValue: 'Default' },
    terraform: { path: ['mode'], isAligned: isBuffered, absentIsAligned: true, fixValue: 'Default' },
  },
});
