// Wraps every handler so that cancellation is honoured and an exception becomes a logged empty result: the server never dies.
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { Logger } from './log';

/** The answer to a request the client cancelled, as LSP prescribes (`RequestCancelled`). */
export function cancelledError(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/**
 * Runs a request handler's work safely.
 * The work starts on the next turn of the event loop, so a `$/cancelRequest` that is already queued is seen before any work is done;
 * cancellation is checked again afterwards, because the client has no use for a result it gave up on.
 * An exception is logged with its stack and answered with `empty`, the same thing a handler returns when it has nothing to say.
 */
export function runSafe<T>(
  log: Logger,
  label: string,
  token: CancellationToken,
  empty: T,
  work: () => T | Promise<T>,
): Promise<T | ResponseError<void>> {
  return new Promise((resolve) => {
    setImmediate(() => {
      if (token.isCancellationRequested) {
        resolve(cancelledError());
        return;
      }
      Promise.resolve()
        .then(work)
        .then(
          (result) => resolve(token.isCancellationRequested ? cancelledError() : result),
          (error: unknown) => {
            log.error(`${label} failed; answering with an empty result.`, error);
            resolve(empty);
          },
        );
    });
  });
}

/**
 * Wraps a notification handler: notifications have no answer, so an exception is only logged.
 * vscode-jsonrpc would catch it too, but its log line lacks the stack and the handler's name.
 */
export function runSafeNotification<P>(log: Logger, label: string, handler: (params: P) => void): (params: P) => void {
  return (params) => {
    try {
      handler(params);
    } catch (error) {
      log.error(`${label} failed; the notification was ignored.`, error);
    }
  };
}
