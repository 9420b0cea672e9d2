// Makes sure Debian's Chromium is at /usr/bin/chromium for the report tests (`npm test`'s pretest), installing it with apt-get when it is missing.
import { CHROMIUM, ensureChromium } from './debian.mjs';

export { CHROMIUM, ensureChromium };

// Run as a script (`node scripts/setup/chromium.mjs`), not when imported.
if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const log = (line) => process.stdout.write(`chromium setup: ${line}\n`);
    process.stdout.write(`chromium setup: using ${ensureChromium({ log })}\n`);
  } catch (error) {
    process.stderr.write(`chromium setup: ${error.message}\n`);
    process.exit(1);
  }
}
