// Checks the two TextMate grammars (JSON, includes, regexes, scope names) and runs the vscode-tmgrammar-test fixtures under test/grammar.
//
// Usage: node scripts/test-grammars.mjs [extra vscode-tmgrammar-test options, e.g. --compact]
// Exit code 0 when every check and every fixture passes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = 'test/grammar';

/** Each grammar, the scope name it must declare, the suffix every scope it emits must end with, and its fixture extensions. */
const GRAMMARS = [
  { file: 'syntaxes/bicep.tmLanguage.json', scopeName: 'source.bicep.waf-ai-lens', suffix: '.bicep', extensions: ['.bicep', '.bicepparam'] },
  { file: 'syntaxes/terraform.tmLanguage.json', scopeName: 'source.hcl.terraform.waf-ai-lens', suffix: '.terraform', extensions: ['.tf', '.tfvars'] },
];

const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));
const runnerDir = path.dirname(requireFromRoot.resolve('vscode-tmgrammar-test/package.json'));
const runnerBin = path.join(runnerDir, JSON.parse(fs.readFileSync(path.join(runnerDir, 'package.json'), 'utf8')).bin['vscode-tmgrammar-test']);

const problems = [];
const problem = (where, message) => problems.push(`${where}: ${message}`);

/** Calls visit(rule, where) on every rule object of a grammar: top-level patterns, repository entries, nested patterns and capture rules. */
function walkRules(grammar, visit) {
  const seen = new Set();
  const walk = (rule, where) => {
    if (!rule || typeof rule !== 'object' || seen.has(rule)) return;
    seen.add(rule);
    visit(rule, where);
    (rule.patterns ?? []).forEach((child, i) => walk(child, `${where}.patterns[${i}]`));
    for (const key of ['captures', 'beginCaptures', 'endCaptures', 'whileCaptures']) {
      for (const [group, capture] of Object.entries(rule[key] ?? {})) walk(capture, `${where}.${key}[${group}]`);
    }
    for (const [name, child] of Object.entries(rule.repository ?? {})) walk(child, `${where}.repository.${name}`);
  };
  walk(grammar, '$');
}

/**
 * Throws if a regex is malformed. vscode-oniguruma 1.7 quietly turns a malformed pattern into one that matches the empty
 * string, so the check uses JavaScript's parser after mapping the few Oniguruma-only constructs to equivalents it accepts.
 */
function parseRegex(source) {
  const javascript = source
    .replace(/\(\?>/g, '(?:') // atomic group
    .replace(/\(\?[imx-]+\)/g, '') // inline options
    .replace(/\(\?[imx-]+:/g, '(?:') // scoped options
    .replace(/([*+?}])\+/g, '$1'); // possessive quantifier
  new RegExp(javascript);
}

function checkGrammars() {
  for (const spec of GRAMMARS) {
    const text = fs.readFileSync(path.join(ROOT, spec.file), 'utf8');
    let grammar;
    try {
      grammar = JSON.parse(text);
    } catch (error) {
      problem(spec.file, `is not valid JSON: ${error.message}`);
      continue;
    }
    if (grammar.scopeName !== spec.scopeName) problem(spec.file, `declares scopeName "${grammar.scopeName}", expected "${spec.scopeName}"`);

    const repository = grammar.repository ?? {};
    const used = new Set();
    let regexCount = 0;
    walkRules(grammar, (rule, where) => {
      if (typeof rule.include === 'string') {
        if (rule.include.startsWith('#')) {
          const key = rule.include.slice(1);
          if (Object.hasOwn(repository, key)) used.add(key);
          else problem(spec.file, `${where} includes "${rule.include}", which is not a repository key`);
        } else if (rule.include !== '$self' && rule.include !== '$base') {
          // An external include would make our highlighting depend on another extension's grammar being installed.
          problem(spec.file, `${where} includes the external grammar "${rule.include}"`);
        }
      }
      for (const key of ['match', 'begin', 'end', 'while']) {
        if (typeof rule[key] !== 'string') continue;
        regexCount++;
        // end and while may refer to begin's groups (\1), which are substituted at run time; check them with a stand-in.
        const source = key === 'end' || key === 'while' ? rule[key].replace(/\\(\d+)/g, 'x') : rule[key];
        try {
          parseRegex(source);
        } catch (error) {
          problem(spec.file, `${where}.${key} is not a well-formed regex: ${error.message}`);
        }
      }
      for (const key of ['name', 'contentName']) {
        // The root's name is the grammar's display name, not a scope.
        if (typeof rule[key] !== 'string' || rule === grammar) continue;
        for (const scope of rule[key].split(/\s+/)) {
          if (!scope.endsWith(spec.suffix)) problem(spec.file, `${where}.${key} emits "${scope}", which does not end with "${spec.suffix}"`);
        }
      }
    });
    for (const key of Object.keys(repository)) {
      if (!used.has(key)) problem(spec.file, `repository key "${key}" is never included`);
    }
    console.log(`grammar ${spec.file}: ${Object.keys(repository).length} repository rules, ${used.size} included, ${regexCount} regexes parsed`);
  }
}

/** Every fixture must open with a SYNTAX TEST header naming the grammar its extension belongs to, and assert something. */
function checkFixtures() {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else files.push(relative);
    }
  };
  walk(FIXTURES);
  const globs = [];
  for (const spec of GRAMMARS) {
    const mine = files.filter((file) => spec.extensions.includes(path.extname(file)));
    if (mine.length < 2) problem(FIXTURES, `has ${mine.length} fixture(s) for ${spec.scopeName}; expected at least two`);
    for (const file of mine) {
      const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split(/\r?\n/);
      const header = /^(\S+)\s+SYNTAX\s+TEST\s+"([^"]+)"/.exec(lines[0]);
      if (!header) {
        problem(file, 'does not start with a SYNTAX TEST header');
        continue;
      }
      if (header[2] !== spec.scopeName) problem(file, `tests "${header[2]}", but its extension belongs to "${spec.scopeName}"`);
      const token = header[1];
      const assertion = new RegExp(`^${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(\\^|<~*-)`);
      if (!lines.slice(1).some((line) => assertion.test(line))) problem(file, 'has no scope assertion');
    }
    globs.push(...spec.extensions.map((extension) => `${FIXTURES}/**/*${extension}`));
  }
  const known = new Set(GRAMMARS.flatMap((spec) => spec.extensions));
  for (const file of files) {
    if (!known.has(path.extname(file))) problem(file, 'has an extension no grammar claims, so it would never run');
  }
  return globs;
}

checkGrammars();
const globs = checkFixtures();
if (problems.length > 0) {
  for (const line of problems) console.error(`ERROR ${line}`);
  process.exit(1);
}

const args = [runnerBin, ...GRAMMARS.flatMap((spec) => ['-g', spec.file]), ...process.argv.slice(2), ...globs];
const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
if (result.error) throw result.error;
process.exit(result.status === 0 ? 0 : 1);
