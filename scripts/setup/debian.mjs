// Installs the Debian packages the tests need (Chromium, and code-server's build headers) with apt-get: the one place both setup paths do it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where the report tests and the e2e scripts expect the browser: Debian's `chromium` package puts it here. */
export const CHROMIUM = '/usr/bin/chromium';

/** True when dpkg says the package is installed. */
export function isDebianPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === 'install ok installed';
}

/**
 * Installs the packages of `names` that dpkg does not list as installed, non-interactively; throws with the reason when
 * it cannot. As root apt-get runs directly, else through sudo (which may ask for a password on a terminal), so it works
 * in containers (root, no sudo) and on workstations. `log` is told what runs; `recommends: false` skips recommended packages.
 */
export function ensureDebianPackages(names, { log = () => {}, recommends = true } = {}) {
  const missing = names.filter((name) => !isDebianPackageInstalled(name));
  if (missing.length === 0) return;
  const by = `install them by hand (apt-get install ${missing.join(' ')}) and run again`;
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) throw new Error(`The tests need the Debian packages ${missing.join(', ')} and apt-get is not available; ${by}.`);
  const asRoot = process.getuid?.() === 0;
  if (!asRoot && !existsSync('/usr/bin/sudo')) throw new Error(`The tests need the Debian packages ${missing.join(', ')}, and installing them needs root or sudo; ${by}.`);
  const apt = (...args) => {
    const [command, argv] = asRoot ? ['apt-get', args] : ['sudo', ['--preserve-env=DEBIAN_FRONTEND', 'apt-get', ...args]];
    log(`$ ${command} ${argv.join(' ')}`);
    const result = spawnSync(command, argv, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.error) throw new Error(`Could not run ${command}: ${result.error.message}`);
    if (result.status !== 0) throw new Error(`${command} ${argv.join(' ')} exited with ${result.status ?? result.signal}; ${by}.`);
  };
  apt('update', '-q');
  apt('install', '-y', '-q', ...(recommends ? [] : ['--no-install-recommends']), ...missing);
}

/** Makes sure Chromium is at `CHROMIUM`, installing Debian's package when it is missing; returns the path, or throws with the reason. */
export function ensureChromium(options = {}) {
  // The file, not dpkg, decides: a browser put there by other means serves as well, and a machine with one needs no dpkg at all.
  if (existsSync(CHROMIUM)) return CHROMIUM;
  ensureDebianPackages(['chromium'], options);
  if (!existsSync(CHROMIUM)) throw new Error(`The chromium package is installed, but ${CHROMIUM} is missing.`);
  return CHROMIUM;
}
