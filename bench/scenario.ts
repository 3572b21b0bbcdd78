/**
 * The scenario of the simulator's bench run, which the dashboard bench indexes too: `scenarios/demo.json`, whose pool
 * pays holders in both tokens from day 0 (at the model's defaults holders receive nothing in the first year, so a
 * default run would have no distribution to measure or index). `SCENARIO` names another file.
 */
export const BENCH_SCENARIO = process.env.SCENARIO ?? "scenarios/demo.json";
