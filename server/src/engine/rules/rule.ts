// What a rule is: a plain object with an id, its messages, the resource types it reads and a check function.
import type { FileModel, Language, Resource } from '../model/types';
import type { Fix, RelatedLocation, Span } from '../types';

/** What one rule reports; severity comes from the rule's metadata in principles/, not from the rule. */
export interface Report {
  messageId: string;
  /** Values for `{{name}}` placeholders of the message. */
  data?: Record<string, string>;
  at: Span;
  fixes?: Fix[];
  related?: RelatedLocation[];
  /** Set for "could not determine" reports: shown as a note whatever the rule's severity. */
  undetermined?: boolean;
}

/** What a rule sees while it checks one resource. */
export interface RuleContext {
  resource: Resource;
  model: FileModel;
  text: string;
  language: Language;
  report(report: Report): void;
}

export interface Rule {
  /** Kebab-case id, the same as the file name and the metadata key in principles/. */
  id: string;
  /** The resource types the rule reads, per language. */
  resourceTypes: Partial<Record<Language, readonly string[]>>;
  messages: Record<string, string>;
  check(ctx: RuleContext): void;
  /**
   * Whether the rule judges this resource at all (a kind, a SKU, a language it has no setting for).
   * Absent means every resource of its types. The review's score counts a check only where this is true.
   */
  appliesTo?(resource: Resource): boolean;
  /** True when the rule offers fixes; the parity test then requires a `*.fixed.*` fixture per language. */
  fixable: boolean;
  /** What the rule reads, per language, for the generated docs: the setting, the value it recommends, what absence means. */
  settings?: SettingDoc[];
}

export interface SettingDoc {
  language: Language;
  setting: string;
  recommended: string;
  absentIsAligned: boolean;
}
