// Renders schemas/waf-ai-lens.schema.json from the rule registry and principles/, so editor completion never drifts from the code.
import { allRuleMeta } from '../server/src/engine/catalog';
import { pillars } from '../server/src/engine/principles';
import { SUPPRESSION_RULE_ID, SUPPRESSION_RULE_TITLE } from '../server/src/engine/suppress/meta';

/** Where the schema lives in the repository (and in the .vsix, for `contributes.jsonValidation`). */
export const CONFIG_SCHEMA_PATH = 'schemas/waf-ai-lens.schema.json';

/** The JSON Schema of `.waf-ai-lens.json`, as the text to write (two-space indented, ending with a newline). */
export function renderConfigSchema(): string {
  const rules: Record<string, unknown> = {};
  for (const meta of allRuleMeta()) {
    rules[meta.id] = { $ref: '#/definitions/level', description: `${meta.title} (${meta.pillar}; default: ${meta.severity}).` };
  }
  rules[SUPPRESSION_RULE_ID] = { $ref: '#/definitions/level', description: `${SUPPRESSION_RULE_TITLE} (not a WAF rule; default: warning, a placeholder reason is a note).` };
  const pillarProperties: Record<string, unknown> = {};
  for (const p of pillars()) pillarProperties[p.id] = { type: 'boolean', description: `${p.title}: false turns off every rule of the pillar that \`rules\` does not name.` };
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/waf-ai-lens/waf-ai-lens/blob/main/schemas/waf-ai-lens.schema.json',
    title: 'WAF AI Lens configuration',
    description:
      "The team's WAF AI Lens policy, read by the CLI and the language server from the root of the folder. Editor settings (wafAiLens.*) override it per rule and per pillar.",
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        type: 'object',
        description: 'Per rule id: the severity of its findings, or "off". Wins over `pillars`.',
        additionalProperties: false,
        properties: rules,
      },
      pillars: {
        type: 'object',
        description: 'Per Well-Architected pillar: false turns its rules off.',
        additionalProperties: false,
        properties: pillarProperties,
      },
      exclude: {
        type: 'array',
        description:
          'Globs of files not to analyse, relative to this file\'s folder: `*`, `**`, `?`, `{a,b}`, `[abc]`. A glob without "/" matches at any depth; a folder excludes everything below it.',
        items: { type: 'string', minLength: 1 },
      },
    },
    definitions: {
      level: { enum: ['error', 'warning', 'note', 'off'], description: 'error, warning or note sets the severity; off turns the rule off.' },
    },
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
