/**
 * Ctrl-C during a run. The first SIGINT asks the run to stop after the transaction in flight: the driver notices
 * between transactions, stops the progress bar (which gives the terminal its cursor back) and throws
 * {@link SimulationInterrupted} naming the day reached; the journal on disk already says where to resume. A
 * second SIGINT does not wait: it shows the cursor and exits at once with code 130 (the journal still holds).
 */

/**
 * The run stopped on the user's request on day `day` (0-based) of `days`: `day` days are fully on chain. `day` equals
 * `days` when every day was on chain and the report not yet written.
 */
export class SimulationInterrupted extends Error {
  readonly day: number;
  readonly days: number;

  constructor(day: number, days: number) {
    super(`interrupted on day ${day} of ${days}`);
    this.name = "SimulationInterrupted";
    this.day = day;
    this.days = days;
  }
}

/** Shows the terminal's cursor (ANSI DECTCEM), should a progress bar have hidden it. */
export const SHOW_CURSOR = "\u001b[?25h";

export interface InterruptWatch {
  /** Whether Ctrl-C was pressed since the watch began. */
  readonly requested: boolean;
  /** Stops listening (the process's default Ctrl-C behaviour returns). */
  dispose(): void;
}

/**
 * Listens for SIGINT while a run sends. `onForce` runs on a second SIGINT, before the process exits with code 130
 * (stop the progress bar there).
 */
export function watchInterrupt(onForce: () => void = () => undefined): InterruptWatch {
  let count = 0;
  const listener = (): void => {
    count += 1;
    if (count < 2) return;
    onForce();
    process.stderr.write(`${SHOW_CURSOR}\n`);
    process.exit(130);
  };
  process.on("SIGINT", listener);
  return {
    get requested() {
      return count > 0;
    },
    dispose() {
      process.off("SIGINT", listener);
    },
  };
}
