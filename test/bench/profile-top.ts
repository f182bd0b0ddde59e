/**
 * The top self-time frames of a V8 CPU profile (`node --cpu-prof`, or `npm run bench -- --profile
 * ours`): `npx tsx test/bench/profile-top.ts <file.cpuprofile> [count]`. Frames are grouped by
 * function and source position; node_modules paths are shortened to the package.
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
const [file, countArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-top.ts <file.cpuprofile> [count]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const selfMicros = new Map<number, number>();
profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);
const byFrame = new Map<string, number>();
for (const node of profile.nodes) {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.includes('node_modules/') ? url.slice(url.lastIndexOf('node_modules/') + 13) : url.replace(/^file:\/\/.*?\/(gateway|schema|subgraphs|db|test)\//, '$1/');
  const key = `${functionName || '(anonymous)'}  ${where}:${lineNumber + 1}`;
  byFrame.set(key, (byFrame.get(key) ?? 0) + (selfMicros.get(node.id) ?? 0));
}
const byPackage = new Map<string, number>();
for (const [key, micros] of byFrame) {
  const where = key.split('  ')[1] ?? '';
  const pkg = where.startsWith('@') ? where.split('/').slice(0, 2).join('/') : where.includes('/') || where.includes(':') ? where.split('/')[0]!.split(':')[0]! : where;
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
}
const pct = (m: number) => `${((m / total) * 100).toFixed(1).padStart(5)} %`;
console.log(`total sampled ${(total / 1000).toFixed(0)} ms`);
for (const [key, micros] of [...byFrame].sort((a, b) => b[1] - a[1]).slice(0, Number(countArg ?? 30))) console.log(`${pct(micros)}  ${key}`);
console.log('\nby package / directory:');
for (const [pkg, micros] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${pct(micros)}  ${pkg}`);
