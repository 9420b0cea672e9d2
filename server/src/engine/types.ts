// The engine's own plain types: spans, parse errors, findings and fixes. Only lsp/convert.ts maps them to LSP types.

/** A half-open range of UTF-16 code-unit offsets into a document's text: `start` inclusive, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** A syntax error found while parsing; parsing never throws, it returns these beside the (partial) tree. */
export interface ParseError {
  message: string;
  span: Span;
}

/** The result of any front end: a tree that covers as much of the text as could be recovered, and the errors met. */
export interface ParseResult<Tree> {
  tree: Tree;
  errors: ParseError[];
}

/** Finding levels, named as SARIF names them. */
export type Severity = 'error' | 'warning' | 'note';

export const SEVERITY_RANK: Record<Severity, number> = { note: 1, warning: 2, error: 3 };

/** One replacement of the text in `span` (of the file `file`, or of the finding's file when absent) by `text`. */
export interface TextEdit {
  span: Span;
  text: string;
  file?: string;
}

/**
 * A code change a rule offers. `safe` fixes do not change what gets deployed and may be applied by "fix all";
 * every other fix is a suggestion the user applies one at a time.
 */
export interface Fix {
  title: string;
  edits: TextEdit[];
  safe: boolean;
}

/** A place elsewhere that explains a finding, such as where a value is set. */
export interface RelatedLocation {
  file: string;
  span: Span;
  message: string;
}

/** One rule's verdict about one resource. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  span: Span;
  /** The resource's symbolic name (Bicep) or address (Terraform), e.g. `aoai` or `azurerm_cognitive_account.aoai`. */
  resourceName: string;
  resourceType: string;
  fixes: Fix[];
  related: RelatedLocation[];
  /** Set when the rule could not determine the setting from the code (always a note); the review counts such checks apart. */
  undetermined?: true;
}

/** A problem with one input file as a whole: it did not parse cleanly, could not be read, or was skipped. */
export interface FileNotice {
  file: string;
  level: 'error' | 'warning' | 'note';
  message: string;
  span: Span;
}
