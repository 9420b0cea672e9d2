// Runs an analysis at once while the server keeps up with the typing, and waits for a pause only when it does not.
import { performance } from 'node:perf_hooks';
import { describeError, type Logger } from './log';

/** A scheduled run; `superseded` is set when a newer change (or a close) replaces it before it starts. */
interface PendingRun {
  superseded: boolean;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Schedules the work of one key (a document, or a workspace folder) after each change of it, adaptively (issue #9).
 * A change is handled at once when the server keeps up with the typing: no run is pending for the key, and its last run
 * took less time than has passed since its previous change. Otherwise the run waits until changes pause for
 * `debounceMs`, so a burst on something slow to analyse costs one run after the pause, not one per keystroke.
 * A newer change always supersedes the pending run, so no work is spent on a version the user already replaced.
 */
export class AdaptiveScheduler {
  private readonly pending = new Map<string, PendingRun>();
  /** When each key last changed and what its last run cost: together they say whether the server keeps up. */
  private readonly lastChange = new Map<string, number>();
  private readonly lastCost = new Map<string, number>();

  constructor(
    private readonly log: Logger,
    private readonly debounceMs: number,
    /** Runs wait for this (the first settings), so the first diagnostics already follow them. */
    private readonly ready: () => Promise<unknown>,
  ) {}

  /** Schedules `work` for `key` after a change, replacing any run still pending for it; `afterPause` always waits. */
  schedule(key: string, work: () => void, afterPause = false): void {
    const now = performance.now();
    const sincePrevious = now - (this.lastChange.get(key) ?? Number.NEGATIVE_INFINITY);
    this.lastChange.set(key, now);
    const keepsUp = !afterPause && !this.pending.has(key) && (this.lastCost.get(key) ?? 0) < sincePrevious;
    this.cancel(key);
    const run: PendingRun = { superseded: false, timer: undefined };
    this.pending.set(key, run);
    if (keepsUp) this.start(key, run, work);
    else run.timer = setTimeout(() => this.start(key, run, work), this.debounceMs);
  }

  /** True while a run of `key` waits. */
  isPending(key: string): boolean {
    return this.pending.has(key);
  }

  /** Cancels the pending run of `key`, if any. */
  cancel(key: string): void {
    const run = this.pending.get(key);
    if (!run) return;
    run.superseded = true;
    if (run.timer) clearTimeout(run.timer);
    this.pending.delete(key);
  }

  /** Cancels and forgets `key` (a document closed): its next change is handled as a first one. */
  forget(key: string): void {
    this.cancel(key);
    this.lastChange.delete(key);
    this.lastCost.delete(key);
  }

  /** Cancels every pending run. */
  dispose(): void {
    for (const key of [...this.pending.keys()]) this.cancel(key);
  }

  /**
   * Runs `work` once the first settings are known and every change already received has been handled (see
   * `afterReceivedMessages`); a timer that fires, or settings that arrive, say nothing about the messages read meanwhile.
   */
  private start(key: string, run: PendingRun, work: () => void): void {
    void this.ready().then(() => afterReceivedMessages(() => this.execute(key, run, work)));
  }

  private execute(key: string, run: PendingRun, work: () => void): void {
    if (run.superseded || this.pending.get(key) !== run) return;
    this.pending.delete(key);
    const started = performance.now();
    try {
      // Synchronous from here to the publication: no newer change can slip in between analysis and publishing.
      work();
    } catch (error) {
      this.log.error(`Analysing ${key} failed; its diagnostics were left as they were: ${describeError(error)}`);
    }
    this.lastCost.set(key, performance.now() - started);
  }
}

/**
 * A run whose two turns took longer than this waited behind other work (another document's analysis, say), during which
 * changes may have reached the server's input that it has not read yet: it waits two more turns, so they are read first.
 */
export const BUSY_TURNS_MS = 10;

/** How many times a run waits again behind other work before it goes ahead regardless, so a busy server still answers. */
const MAX_WAITS = 8;

/**
 * Runs `fn` once every change that reached the server before it was scheduled has been handled.
 * vscode-jsonrpc handles one received message per turn of the event loop (`setImmediate`), queued after whatever a
 * handler scheduled, so two turns are enough for the messages already read. But messages that arrive while the event
 * loop is blocked (another analysis running) are only read by the poll phase that follows, and handled after callbacks
 * queued before it: a run scheduled before a long analysis would then analyse a version whose successor is waiting
 * unread (issue #9's flaky "newest of several quick edits"). So when the two turns took long, the run waits two more,
 * which puts a poll phase and the handling of what it read before it.
 */
export function afterReceivedMessages(fn: () => void, waits = 0): void {
  const scheduled = performance.now();
  setImmediate(() =>
    setImmediate(() => {
      if (performance.now() - scheduled > BUSY_TURNS_MS && waits < MAX_WAITS) afterReceivedMessages(fn, waits + 1);
      else fn();
    }),
  );
}
