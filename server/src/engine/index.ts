// The engine's façade: the one API the CLI, the language server and the tests call. Pure: texts in, plain objects out.
import type { FileModel } from './model/types';
import { fileKindOf, parseToModel, type FileKind } from './parse';
import { applyPolicy, type AnalyzeOptions } from './config/policy';
import { analyzeIsolated } from './workspace';
import { applySuppressions, type SuppressedFinding } from './suppress';
import type { FileNotice, Finding } from './types';

export type { FileKind } from './parse';
export { fileKindOf } from './parse';
export * from './types';
export type * from './model/types';
export type { AnalyzeOptions, RuleLevel } from './config/policy';
export type { SuppressedFinding } from './suppress';
export type { HoverInfo } from './hover';
export { hoverAt } from './hover';
export { principleNote } from './hover/principleNote';
export { suppressionFix, SUPPRESSION_RULE_ID } from './suppress';
export type { ConfigParse, ConfigProblem, WafConfig } from './config/configFile';
export { CONFIG_FILE_NAME, configurableRuleIds, mergeConfigs, parseConfigText, parseConfigValue } from './config/configFile';
export { isExcluded } from './config/glob';
export { ANSWERS_PATH, parseAnswersText, tickedIds, type AnswersFile, type AnswersParse, type AnswersProblem } from './review/answers';
export { analyzeWorkspace, Workspace, type WorkspaceAnalysis, type WorkspaceInput, type WorkspaceOptions, type WorkspaceStats } from './workspace';
export { WorkloadGraph } from './graph';
export { LOADED_FILE_GLOB } from './evaluate/bicepLoad';
export type { EdgeDetails, EdgeKind, GraphEdge, GraphNode, OpaqueNode } from './graph';
export { buildReview, pillarSummaryLines, renderHtmlBody, renderHtmlDocument, renderMarkdown, REPORT_CSS } from './review';
export type { ReviewInput, ReviewLocation, WorkloadReview } from './review';
export { buildMap, layoutMap, renderMapSvg, renderMermaid } from './map';
export type { MapEdge, MapNode, MapSvgOptions, WorkloadMap } from './map';

/** The analysis of one file: its model, the findings on it, and notices about the file itself. */
export interface FileAnalysis {
  file: string;
  model: FileModel;
  findings: Finding[];
  notices: FileNotice[];
  /** Findings silenced by a `waf-ai-lens-ignore` comment, with its reason (absent when there were none to silence). */
  suppressed?: SuppressedFinding[];
}

/** Parses a file's text; never throws. Returns undefined for a path that is not a Bicep or Terraform file. */
export function parseFile(file: string, text: string, kind: FileKind | undefined = fileKindOf(file)): FileModel | undefined {
  return kind ? parseToModel(file, text, kind) : undefined;
}

/**
 * Analyses one file on its own: parses it, runs every rule, and reports a notice when it did not parse cleanly.
 * Resources recovered from a broken file are still analysed, except those with an error inside them.
 */
export function analyzeFile(
  file: string,
  text: string,
  kind: FileKind | undefined = fileKindOf(file),
  options: AnalyzeOptions = {},
): FileAnalysis | undefined {
  // One parse; the file's own parameter defaults, variables and locals are evaluated before the rules run.
  const isolated = analyzeIsolated(file, text, kind);
  if (!isolated) return undefined;
  const model = isolated.model;
  const notices: FileNotice[] = [];
  const first = model.parseErrors[0];
  if (first) {
    const more = model.parseErrors.length > 1 ? ` (and ${model.parseErrors.length - 1} more)` : '';
    const message = /[.!?]$/.test(first.message) ? first.message.slice(0, -1) : first.message;
    notices.push({ file, level: 'error', message: `The file does not parse cleanly: ${message}${more}.`, span: first.span });
  }
  const run = { findings: isolated.findings };
  notices.push(...isolated.notices);
  // Settings first, so a rule that is off is neither reported nor counted as suppressed; then again for the findings
  // about suppression comments, which the settings may also turn off or re-level.
  const { findings, suppressed } = applySuppressions(model, text, applyPolicy(run.findings, options), options);
  const analysis: FileAnalysis = { file, model, findings: applyPolicy(findings, options), notices };
  if (suppressed.length > 0) analysis.suppressed = suppressed;
  return analysis;
}
