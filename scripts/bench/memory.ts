// Reads a process's resident memory from outside it (Linux /proc), so the bench can report a child's peak without its help.
import * as fs from 'node:fs';

/** Resident set size now and at its peak (the high-water mark), in megabytes of 1e6 bytes. */
export interface ProcessMemory {
  rssMb: number;
  peakRssMb: number;
}

/** Parses the `VmRSS` and `VmHWM` lines of a `/proc/<pid>/status` text; undefined when either is missing. */
export function parseProcStatus(status: string): ProcessMemory | undefined {
  const kb = (field: string): number | undefined => {
    const match = new RegExp(`^${field}:\\s*(\\d+)\\s*kB`, 'm').exec(status);
    return match ? Number(match[1]) : undefined;
  };
  const rss = kb('VmRSS');
  const peak = kb('VmHWM');
  return rss === undefined || peak === undefined ? undefined : { rssMb: (rss * 1024) / 1e6, peakRssMb: (peak * 1024) / 1e6 };
}

/** The memory of a running process, or undefined where /proc is not available (macOS, Windows) or the process is gone. */
export function processMemory(pid: number | undefined): ProcessMemory | undefined {
  if (pid === undefined) return undefined;
  try {
    return parseProcStatus(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return undefined;
  }
}
