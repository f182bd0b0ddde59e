/**
 * A progress line on stderr: redrawn in place on a terminal, a plain line every 10 % otherwise
 * (CI logs, redirected output). Nothing goes to stdout, which stays for the result.
 */
export interface Progress {
  update(done: number): void;
  finish(message: string): void;
}

const WIDTH = 30;

export function progressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = performance.now();
  let lastDecile = -1;
  let lastDraw = 0;
  const line = (done: number) => {
    const fraction = total === 0 ? 1 : Math.min(1, done / total);
    const elapsed = (performance.now() - started) / 1000;
    const eta = fraction > 0 ? elapsed / fraction - elapsed : 0;
    const filled = Math.round(fraction * WIDTH);
    return `${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% `
      + `${done.toLocaleString('en')}/${total.toLocaleString('en')} ${elapsed.toFixed(1)}s eta ${eta.toFixed(0)}s`;
  };
  return {
    update(done) {
      if (stream.isTTY) {
        const now = performance.now();
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        stream.write(`\r${line(done)}\u001b[K`);
        return;
      }
      const decile = Math.floor((done / Math.max(1, total)) * 10);
      if (decile > lastDecile) {
        lastDecile = decile;
        stream.write(`${line(done)}\n`);
      }
    },
    finish(message) {
      if (stream.isTTY) stream.write(`\r${line(total)}\u001b[K\n`);
      stream.write(`${message}\n`);
    },
  };
}
