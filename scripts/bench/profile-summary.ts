// Summarises a V8 .cpuprofile (from `node --cpu-prof`, e.g. `npm run bench -- --profile <dir>`) as its top frames by self and total time.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The parts of V8's CPU profile format the summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface Frame {
  /** `function (file:line)`, the line 1-based as editors show it. */
  frame: string;
  selfMs: number;
  /** Time in the frame and everything it called, counted once per sample even when the frame recurses. */
  totalMs: number;
}

/** Per-frame self and total time: each sample's interval is charged to its leaf (self) and to every distinct frame on its stack (total). */
export function frames(profile: CpuProfile): Frame[] {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const label = (id: number): string => {
    const frame = byId.get(id)?.callFrame;
    if (!frame) return '?';
    const file = frame.url ? `${path.basename(frame.url)}:${frame.lineNumber + 1}` : '';
    return `${frame.functionName || '(anonymous)'}${file ? ` (${file})` : ''}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((leaf, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const leafLabel = label(leaf);
    self.set(leafLabel, (self.get(leafLabel) ?? 0) + ms);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const l = label(id);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + ms);
    }
  });
  return [...total.entries()].map(([frame, totalMs]) => ({ frame, selfMs: self.get(frame) ?? 0, totalMs }));
}

/** The top `count` frames by self time and by total time, as text. */
export function summary(profile: CpuProfile, count = 20): string {
  const all = frames(profile);
  const sampled = profile.timeDeltas.reduce((sum, d) => sum + d, 0) / 1000;
  const row = (f: Frame) => `${f.selfMs.toFixed(1).padStart(9)}  ${f.totalMs.toFixed(1).padStart(9)}  ${f.frame}`;
  const header = '  self ms   total ms  frame';
  const bySelf = [...all].sort((a, b) => b.selfMs - a.selfMs).slice(0, count);
  const byTotal = [...all].filter((f) => !/^\((root|program|idle|garbage collector)\)/.test(f.frame)).sort((a, b) => b.totalMs - a.totalMs).slice(0, count);
  return [`${sampled.toFixed(0)} ms sampled`, '', 'By self time', header, ...bySelf.map(row), '', 'By total time', header, ...byTotal.map(row)].join('\n');
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('Usage: node profile-summary.js <file.cpuprofile> [count]\n');
    process.exitCode = 2;
  } else {
    process.stdout.write(`${summary(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile, Number(process.argv[3] ?? 20))}\n`);
  }
}
