// Describes the machine and the code a bench ran on, so figures from different runs can be compared fairly.
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  node: string;
  v8: string;
  platform: string;
  arch: string;
  totalMemoryMb: number;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
    totalMemoryMb: Math.round(os.totalmem() / 1e6),
  };
}

/** The commit the code was built from and whether the tree had changes; undefined outside a git checkout. */
export function codeVersion(cwd: string): { commit: string; dirty: boolean } | undefined {
  try {
    // `--no-optional-locks` keeps `git status` from refreshing the index, which could collide with someone else's git command.
    const run = (...args: string[]) => execFileSync('git', ['--no-optional-locks', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { commit: run('rev-parse', '--short', 'HEAD'), dirty: run('status', '--porcelain', '--untracked-files=no') !== '' };
  } catch {
    return undefined;
  }
}
