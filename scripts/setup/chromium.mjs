// Makes sure Debian's Chromium is at /usr/bin/chromium for the report tests, installing it with apt-get when it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where the report tests (and the e2e scripts) expect the browser: Debian's `chromium` package puts it here. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Runs one command with inherited output, non-interactively; returns its exit status.
 * `sudo` is used only when we are not root and it exists, so the script works in containers (root, no sudo) and on workstations.
 */
function run(command, args) {
  const asRoot = typeof process.getuid === 'function' && process.getuid() !== 0 && existsSync('/usr/bin/sudo');
  const [cmd, argv] = asRoot ? ['sudo', ['-E', command, ...args]] : [command, args];
  const result = spawnSync(cmd, argv, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.error) {
    process.stderr.write(`chromium setup: could not run ${cmd}: ${result.error.message}\n`);
    return 1;
  }
  return result.status ?? 1;
}

/** Installs Chromium when it is missing; resolves to the path of the browser, or exits 1 with the reason. */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    process.stderr.write(`chromium setup: ${CHROMIUM} is missing and apt-get is not available; install Chromium there by hand.\n`);
    process.exit(1);
  }
  process.stdout.write(`chromium setup: ${CHROMIUM} is missing; installing Debian's chromium package.\n`);
  if (run('apt-get', ['update']) !== 0 || run('apt-get', ['install', '-y', 'chromium']) !== 0 || !existsSync(CHROMIUM)) {
    process.stderr.write('chromium setup: apt-get could not install chromium.\n');
    process.exit(1);
  }
  return CHROMIUM;
}

// Run as a script (`node scripts/setup/chromium.mjs`), not when imported.
if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`chromium setup: using ${ensureChromium()}\n`);
}
