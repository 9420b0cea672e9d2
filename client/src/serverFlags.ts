// The Node flags the extension starts the language server with; the bench starts it the same way, so its figures hold.

/**
 * How the server's heap grows: by half of what a full collection leaves live, instead of V8's own factor (up to four
 * times for a heap that is collected fast). A folder's workspace is a few hundred MB live at 5,000 files and its analysis
 * makes as much garbage again, so V8's factor let the server's resident set reach 870 MB for a 300 MB live heap; with
 * this factor the same review peaks near 650 MB and the analysis takes about 10 % longer (docs/performance.md). It is
 * not a limit: unlike `--max-old-space-size`, a larger workspace still gets the memory it needs rather than a crash.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--heap-growing-percent=50'];
