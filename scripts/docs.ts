// `npm run docs`: rewrites the generated parts of README.md (the rule table) from the code and principles/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { withRuleTable } from './ruleTable';

const readmePath = path.resolve(__dirname, '..', '..', 'README.md');
const before = fs.readFileSync(readmePath, 'utf8');
const after = withRuleTable(before);
if (after !== before) fs.writeFileSync(readmePath, after);
console.log(after === before ? 'README.md is up to date.' : 'README.md rule table rewritten.');
