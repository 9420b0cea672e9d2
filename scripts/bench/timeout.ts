// A promise raced against a deadline, shared by the bench's LSP session and the protocol tests' client.

/**
 * Races a promise against a deadline; the deadline is a failure with a clear message, never a pause that lets a caller
 * go on as if the answer had come. The timer is cleared either way, so a settled race keeps no process alive.
 */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, message: string | (() => string)): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(typeof message === 'string' ? message : message())), timeoutMs);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
