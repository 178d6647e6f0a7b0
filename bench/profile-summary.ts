/**
 * Prints the hottest functions of a V8 CPU profile (`node --cpu-prof`) by self time, to find
 * where a bench run spends its CPU. Usage: node --import tsx bench/profile-summary.ts FILE [N]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Sums self time per function and returns the top `limit` as printable lines. */
export function summarizeProfile(profile: CpuProfile, limit = 25): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;

    const file = frame.url.replace(/^.*\/work\/main\//, '').replace(/^file:\/\//, '');
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    selfUs.set(key, (selfUs.get(key) ?? 0) + delta);
    totalUs += delta;
  });

  return [...selfUs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([key, us]) => `${((100 * us) / totalUs).toFixed(1).padStart(5)}%  ${key}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: profile-summary.ts FILE.cpuprofile [N]');

  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  for (const line of summarizeProfile(profile, Number(process.argv[3] ?? 25))) {
    process.stdout.write(`${line}\n`);
  }
}
