// Reads and checks `.waf-ai-lens.json` (and editor settings of the same shape): what is valid applies, each problem is reported.
import { RULES } from '../rules/registry';
import { pillars, type PillarId } from '../principles';
import { SUPPRESSION_RULE_ID } from '../suppress/meta';
import type { Span } from '../types';
import { jsonFromValue, parseJson, type JsonNode } from './json';
import { RULE_LEVELS, type AnalyzeOptions, type RuleLevel } from './policy';

/** The workspace config file's name; it is looked for in the root of each workspace folder (server) or the current folder (CLI). */
export const CONFIG_FILE_NAME = '.waf-ai-lens.json';

/** Everything a config file or the editor settings may say: the engine's options plus which files to leave alone. */
export interface WafConfig extends AnalyzeOptions {
  /** Globs of files not to analyse, relative to the folder of the config file (or the workspace folder, for editor settings). */
  exclude?: readonly string[];
}

/** One problem with a config: where it is, and a full sentence saying what is wrong and what applies instead. */
export interface ConfigProblem {
  severity: 'error' | 'warning';
  message: string;
  span: Span;
}

/** A config read as far as it is valid, with its problems; invalid parts are left out, so the defaults apply to them. */
export interface ConfigParse {
  config: WafConfig;
  problems: ConfigProblem[];
}

const TOP_LEVEL_KEYS = ['$schema', 'rules', 'pillars', 'exclude'];

/** Every id `rules` accepts: each WAF rule, and the findings about suppression comments. */
export function configurableRuleIds(): string[] {
  return [...RULES.map((r) => r.id), SUPPRESSION_RULE_ID];
}

/** Parses and checks the text of a config file; never throws. Bad JSON gives one problem and an empty config (all defaults). */
export function parseConfigText(text: string): ConfigParse {
  if (text.trim() === '') return { config: {}, problems: [] };
  const parsed = parseJson(text);
  if (parsed.error) {
    return {
      config: {},
      problems: [{ severity: 'error', message: `${parsed.error.message.replace(/\.$/, '')}: the file is not valid JSON, so the defaults apply.`, span: parsed.error.span }],
    };
  }
  return checkConfig(parsed.node);
}

/** Checks settings that arrive as a plain object (the editor's `wafAiLens` section); problem spans are then empty. */
export function parseConfigValue(value: unknown): ConfigParse {
  if (value === undefined || value === null) return { config: {}, problems: [] };
  return checkConfig(jsonFromValue(value));
}

/** Checks a parsed config document against the schema `schemas/waf-ai-lens.schema.json` describes. */
export function checkConfig(root: JsonNode): ConfigParse {
  const problems: ConfigProblem[] = [];
  const problem = (severity: ConfigProblem['severity'], message: string, span: Span): void => void problems.push({ severity, message, span });
  if (root.kind !== 'object') {
    problem('error', 'The config must be a JSON object with `rules`, `pillars` or `exclude`; the defaults apply.', root.span);
    return { config: {}, problems };
  }
  const config: { rules?: Record<string, RuleLevel>; pillars?: Partial<Record<PillarId, boolean>>; exclude?: string[] } = {};
  for (const entry of root.entries) {
    if (!TOP_LEVEL_KEYS.includes(entry.key)) {
      problem('warning', `Unknown setting "${entry.key}"; it is ignored. Expected one of: rules, pillars, exclude.`, entry.keySpan);
      continue;
    }
    const value = entry.value;
    if (entry.key === 'rules') {
      if (value.kind !== 'object') {
        problem('error', '`rules` must be an object mapping rule ids to "error", "warning", "note" or "off"; the defaults apply.', value.span);
        continue;
      }
      const known = configurableRuleIds();
      const rules: Record<string, RuleLevel> = {};
      for (const rule of value.entries) {
        if (!known.includes(rule.key)) {
          const hint = closest(rule.key, known);
          problem('error', `Unknown rule id "${rule.key}"; it is ignored.${hint ? ` Did you mean "${hint}"?` : ''}`, rule.keySpan);
          continue;
        }
        const level = rule.value;
        if (level.kind !== 'string' || !RULE_LEVELS.includes(level.value as RuleLevel)) {
          problem('error', `The level of "${rule.key}" must be "error", "warning", "note" or "off"; its default applies.`, level.span);
          continue;
        }
        rules[rule.key] = level.value as RuleLevel;
      }
      config.rules = rules;
    } else if (entry.key === 'pillars') {
      if (value.kind !== 'object') {
        problem('error', '`pillars` must be an object mapping pillar ids to true or false; every pillar stays on.', value.span);
        continue;
      }
      const ids = pillars().map((p) => p.id);
      const chosen: Partial<Record<PillarId, boolean>> = {};
      for (const p of value.entries) {
        if (!ids.includes(p.key as PillarId)) {
          problem('error', `Unknown pillar "${p.key}"; it is ignored. Expected one of: ${ids.join(', ')}.`, p.keySpan);
          continue;
        }
        if (p.value.kind !== 'bool') {
          problem('error', `The pillar "${p.key}" must be true or false; it stays on.`, p.value.span);
          continue;
        }
        chosen[p.key as PillarId] = p.value.value;
      }
      config.pillars = chosen;
    } else if (entry.key === 'exclude') {
      if (value.kind !== 'array') {
        problem('error', '`exclude` must be an array of glob strings; no file is excluded.', value.span);
        continue;
      }
      const globs: string[] = [];
      for (const item of value.items) {
        if (item.kind !== 'string' || item.value.trim() === '') problem('error', 'Each `exclude` entry must be a non-empty glob string; this one is ignored.', item.span);
        else globs.push(item.value);
      }
      config.exclude = globs;
    }
  }
  return { config, problems };
}

/**
 * Layers configs: each later one wins per rule and per pillar, and `exclude` lists add up.
 * The language server passes the workspace file first (the team's policy), then the editor settings (personal overrides).
 */
export function mergeConfigs(...layers: readonly WafConfig[]): WafConfig {
  const rules: Record<string, RuleLevel> = {};
  const chosen: Partial<Record<PillarId, boolean>> = {};
  const exclude: string[] = [];
  for (const layer of layers) {
    Object.assign(rules, layer.rules ?? {});
    Object.assign(chosen, layer.pillars ?? {});
    for (const glob of layer.exclude ?? []) if (!exclude.includes(glob)) exclude.push(glob);
  }
  return { rules, pillars: chosen, exclude };
}

/** The known id nearest to a mistyped one, when it is close enough to be the likely intent. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(word.length / 4)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
