/**
 * Loaded into every process the benchmark starts (`--import`): answers the benchmark's IPC question
 * "usage?" with the process's own CPU time (process.cpuUsage: user + system, µs) and memory (RSS
 * now, and the peak from getrusage). The process's own counters are what the benchmark compares:
 * on shared cores a process's CPU time is far less distorted than its wall-clock throughput.
 */
process.on('message', (message: { usage?: number } | null) => {
  if (typeof message?.usage !== 'number') return;
  const cpu = process.cpuUsage();
  process.send?.({ usage: message.usage, cpuMicros: cpu.user + cpu.system, rssBytes: process.memoryUsage.rss(), maxRssBytes: process.resourceUsage().maxRSS * 1024 });
});
