/**
 * What `analyze` uses for an option that is not given. A leaf module with no imports: the task definition reads it
 * when Hardhat loads its config (for `--help`), and the validation when the task runs.
 */
export const ANALYZE_DEFAULTS = {
  workers: "auto",
  paths: 1_000,
  years: 5,
  seed: "hashshare",
  scenario: "scenarios/default.json",
  policy: "all",
  out: "reports/analyze",
  tornadoPaths: 200,
} as const;
