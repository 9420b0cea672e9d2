// Bounds the syntax errors one parse keeps, so that a file of garbage costs no more memory than its tokens.
import type { ParseError } from '../types';

/** Errors kept per parse; past that point they only cost memory (a 10 MB file of stray quotes has millions) and nobody reads them. */
export const MAX_ERRORS = 1000;

/**
 * Counts the errors past MAX_ERRORS instead of keeping them, and stands for them with one error that spans them all,
 * so that every declaration they touch still counts as broken (rules skip it, as they skip any broken resource).
 */
export class ErrorFold {
  private count = 0;
  private start = Number.POSITIVE_INFINITY;
  private end = -1;

  /** Records an error that was not kept. */
  add(start: number, end: number): void {
    this.count++;
    if (start < this.start) this.start = start;
    if (end > this.end) this.end = end;
  }

  /** The one error standing for those not kept, or undefined when every error was kept. */
  summary(): ParseError | undefined {
    if (this.count === 0) return undefined;
    return {
      message: `Too many syntax errors: only the first ${MAX_ERRORS} are listed, and more lie in this range.`,
      span: { start: this.start, end: Math.max(this.start, this.end) },
    };
  }
}

/** An error list that keeps the first MAX_ERRORS errors and folds the rest (see ErrorFold); `push` as on an array. */
export class BoundedErrors {
  private readonly kept: ParseError[] = [];
  private readonly fold = new ErrorFold();

  push(error: ParseError): void {
    if (this.kept.length < MAX_ERRORS) this.kept.push(error);
    else this.fold.add(error.span.start, error.span.end);
  }

  /** The last error kept, for callers that drop a repeat at the same offset. */
  last(): ParseError | undefined {
    return this.kept[this.kept.length - 1];
  }

  /** The kept errors, then the one that stands for the others, if any. */
  list(): ParseError[] {
    const summary = this.fold.summary();
    return summary ? [...this.kept, summary] : this.kept;
  }
}
