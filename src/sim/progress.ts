/**
 * The progress bar (cli-progress): days done, transactions per second, ETA. Silent when asked, when stderr is not
 * a terminal, or on CI — logs stay clean.
 */
import { Presets, SingleBar } from "cli-progress";

export interface Progress {
  update(daysDone: number, transactions: number, elapsedMs: number): void;
  stop(): void;
}

const silent: Progress = { update: () => undefined, stop: () => undefined };

export function createProgress(options: { label: string; total: number; start: number; quiet: boolean }): Progress {
  const interactive = process.stderr.isTTY === true && process.env.CI === undefined;
  if (options.quiet || !interactive || options.total <= options.start) return silent;
  const bar = new SingleBar(
    {
      format: `  ${options.label.padEnd(11)} {bar} day {value}/{total} | {tps} tx/s | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 30,
      fps: 10,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
  bar.start(options.total, options.start, { tps: "0" });
  return {
    update(daysDone, transactions, elapsedMs) {
      const tps = elapsedMs > 0 ? Math.round((transactions * 1000) / elapsedMs) : 0;
      bar.update(daysDone, { tps: String(tps) });
    },
    stop() {
      bar.stop();
    },
  };
}
