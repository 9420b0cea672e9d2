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

/**
 * What the view needs of the server's answer: the rendered report, and where its files are. The review model the server
 * may also send is not read here (the HTML says the same), so the server is free to leave it out: at 5,000 files it is
 * half of a 63 MB answer.
 */
export interface ReviewAnswer {
  html: { body: string; css: string };
  /** The URI of every reviewed file, by the path the report shows. */
  files: Record<string, string>;
  skipped: Array<{ path: string; message: string }>;
  excluded: number;
  folders: string[];
}
