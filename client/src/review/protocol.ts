// The `wafAiLens/review` request as the client sees it: its name, its parameters, and the parts of the answer the view reads.

/** The custom request the server answers with the workload report. */
export const REVIEW_METHOD = 'wafAiLens/review';

export interface ReviewParams {
  /** `file:` URIs of the folders to review; absent: every workspace folder. */
  folders?: string[];
  /** The token the server reports its progress on. */
  workDoneToken?: string;
}

/** A place in a reviewed file, by the path the report shows; lines and columns are 1-based. */
export interface ReportLocation {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** What the view needs of the server's answer; the report model itself stays opaque to the client, which only shows it. */
export interface ReviewAnswer {
  review: { overall: { score: number | null }; checks: number; files: unknown[] };
  html: { body: string; css: string };
  /** The URI of every reviewed file, by the path the report shows. */
  files: Record<string, string>;
  skipped: Array<{ path: string; message: string }>;
  excluded: number;
  folders: string[];
}
