/**
 * The analyze progress bar (cli-progress): path-days done per stage, rate and ETA, on stderr. Silent when asked, when
 * stderr is not a terminal, or on CI.
 */
import { Presets, SingleBar } from "cli-progress";

import type { AnalyzeProgress } from "./analyze.js";

const silent: AnalyzeProgress = { start: () => undefined, advance: () => undefined, stop: () => undefined };

export function createAnalyzeProgress(quiet: boolean): AnalyzeProgress {
  const interactive = process.stderr.isTTY === true && process.env.CI === undefined;
  if (quiet || !interactive) return silent;
  let bar: SingleBar | undefined;
  let done = 0;
  let started = 0;
  return {
    start(stage, pathDays) {
      done = 0;
      started = performance.now();
      bar = new SingleBar(
        {
          format: `  ${stage.padEnd(8)} {bar} {percentage}% | {rate} path-days/s | ETA {eta_formatted}`,
          hideCursor: true,
          etaBuffer: 20,
          fps: 10,
          stream: process.stderr,
        },
        Presets.shades_classic,
      );
      bar.start(pathDays, 0, { rate: "0" });
    },
    advance(pathDays) {
      done += pathDays;
      const seconds = (performance.now() - started) / 1000;
      bar?.update(done, { rate: seconds > 0 ? Math.round(done / seconds).toLocaleString("en-US") : "0" });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
