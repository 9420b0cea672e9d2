// `npm run docs`: rewrites the generated parts of README.md (the rule table) from the code and principles/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_SCHEMA_PATH, renderConfigSchema } from './configSchema';
import { withRuleTable } from './ruleTable';

const readmePath = path.resolve(__dirname, '..', '..', 'README.md');
const before = fs.readFileSync(readmePath, 'utf8');
const after = withRuleTable(before);
if (after !== before) fs.writeFileSync(readmePath, after);
console.log(after === before ? 'README.md is up to date.' : 'README.md rule table rewritten.');

// The config file's JSON schema lists every rule id, so it is regenerated with the rule table.
const schemaPath = path.resolve(__dirname, '..', '..', CONFIG_SCHEMA_PATH);
const schema = renderConfigSchema();
const schemaBefore = fs.existsSync(schemaPath) ? fs.readFileSync(schemaPath, 'utf8') : '';
if (schema !== schemaBefore) fs.writeFileSync(schemaPath, schema);
console.log(schema === schemaBefore ? `${CONFIG_SCHEMA_PATH} is up to date.` : `${CONFIG_SCHEMA_PATH} rewritten.`);
