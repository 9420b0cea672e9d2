// AI accounts should restrict outbound calls to an allow-list of host names, so that prompts and data cannot be sent anywhere else.
import type { Value } from '../../model/types';
import { settingRule } from '../helpers/settingRule';
import { ACCOUNT_TYPES, accountKind, accountLabel } from './shared/resources';

/**
 * Kinds that support outbound restriction ("data loss prevention"), per the Azure AI services documentation:
 * Azure OpenAI, Vision, Content Moderator, Custom Vision, Face, Document Intelligence, Speech and QnA Maker;
 * AI Services accounts serve Azure OpenAI and carry the same setting (azurerm's `azurerm_ai_services` too).
 */
const SUPPORTED_KINDS = new Set([
  'openai',
  'aiservices',
  'computervision',
  'contentmoderator',
  'customvision.training',
  'customvision.prediction',
  'face',
  'formrecognizer',
  'speechservices',
  'qnamaker',
]);

const restricted = (v: Value): boolean => v.kind === 'bool' && v.value;

export default settingRule({
  id: 'require-restricted-outbound-access',
  resourceTypes: ACCOUNT_TYPES,
  label: accountLabel,
  appliesTo: (resource) => SUPPORTED_KINDS.has(accountKind(resource) ?? ''),
  messages: {
    misaligned:
      '{{label}} "{{name}}" may call any host on the internet: `{{setting}}` is {{value}}, so data it handles can leave for destinations nobody approved.',
    absent:
      '{{label}} "{{name}}" may call any host on the internet: `{{setting}}` is not set, and outbound access is unrestricted by default.',
  },
  fixTitle: 'Restrict outbound access',
  settings: {
    // ARM leaves `restrictOutboundNetworkAccess` false unless set; the allowed hosts go in `allowedFqdnList`.
    bicep: { path: ['properties', 'restrictOutboundNetworkAccess'], isAligned: restricted, absentIsAligned: false, fixValue: true },
    // azurerm: `outbound_network_access_restricted` defaults to false; the allowed hosts go in `fqdns`.
    terraform: { path: ['outbound_network_access_restricted'], isAligned: restricted, absentIsAligned: false, fixValue: true },
  },
});
