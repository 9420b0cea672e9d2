// The `waf-ai-lens` command-line entry: runs `main` on the real process and sets its exit code.
import { processIo } from './cli/io';
import { main } from './cli/main';

// `waf-ai-lens review . | head` closes stdout early; that is the reader's choice, not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // `main` does not reject; this is the last guard, kept to one line like every other error.
    process.stderr.write(`waf-ai-lens: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
