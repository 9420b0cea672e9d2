// The review's public face: build a workload review from analyses, and the types its renderers and readers share.
export { buildReview, checklistOf, type ReviewOptions } from './build';
export { collectChecks, outcomeOf, WEIGHT, type Check, type CheckSource } from './checks';
export { overallOf, scoreOf } from './score';
export * from './types';
export { renderHtmlBody, renderHtmlDocument, REPORT_CSS, type HtmlOptions } from './render/html';
export { renderMarkdown, type MarkdownOptions } from './render/markdown';
export { pillarSummaryLines, type TextStyle } from './render/text';
