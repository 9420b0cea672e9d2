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
    if (keepsUp) afterReceivedMessages(() => void this.execute(key, run, work));
    else run.timer = setTimeout(() => void this.execute(key, run, work), this.debounceMs);
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

  private async execute(key: string, run: PendingRun, work: () => void): Promise<void> {
    await this.ready();
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
 * Runs `fn` two turns of the event loop from now. vscode-jsonrpc handles one received message per turn
 * (`setImmediate`), queued after whatever a handler scheduled, so after two turns every change the server had already
 * received when this was scheduled has been handled and has superseded this run: "at once" never analyses a version
 * that is already out of date.
 */
function afterReceivedMessages(fn: () => void): void {
  setImmediate(() => setImmediate(fn));
}
