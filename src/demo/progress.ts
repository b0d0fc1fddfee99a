import type { StageProgress } from './season.js';

/**
 * One progress bar per stage, in plain text: redrawn in place on a terminal, a line per quarter otherwise
 * (so a CI log stays short).
 */
export function progressBars(out: NodeJS.WriteStream = process.stdout): (stage: string) => StageProgress {
  return (stage) => {
    const started = performance.now();
    let total = 0;
    let done = 0;
    let lastQuarter = -1;
    const width = 30;
    const draw = (final = false) => {
      const fraction = total ? Math.min(1, done / total) : 0;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (out.isTTY) {
        const filled = Math.round(fraction * width);
        out.write(
          `\r${stage.padEnd(48).slice(0, 48)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${seconds}s${final ? '\n' : ''}`,
        );
        return;
      }
      const quarter = Math.floor(fraction * 4);
      if (final ? lastQuarter < 4 : quarter > lastQuarter) {
        lastQuarter = quarter;
        out.write(`${stage}: ${done}/${total} (${Math.round(fraction * 100)}%) ${seconds}s\n`);
      }
    };
    return {
      grow(n) {
        total += n;
        // Rounds add work as they are drawn: the quarters count again from where the bar now stands.
        lastQuarter = Math.floor((done / total) * 4);
        if (out.isTTY) draw();
      },
      tick(n = 1) {
        done += n;
        draw();
      },
      done() {
        total = Math.max(total, done);
        draw(true);
      },
    };
  };
}
