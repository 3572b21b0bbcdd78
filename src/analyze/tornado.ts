/**
 * The sensitivity tornado: the median IRR of one policy when each input moves to the low and to the high end of its
 * plausible range (model.ts, `tornadoInputs`), the others at the scenario's values, on the same paths (the same seeds,
 * so the bars differ by the input alone). Bars are ordered by their swing, widest first.
 */
import type { BlockShape, PathBlock, PathJob } from "./block.js";
import { tornadoInputs, withInput, type PolicyName, type Scenario } from "./model.js";
import { summarizePolicies } from "./summary.js";

/** One bar: an input's range and the median IRR at each end. */
export interface TornadoBar {
  field: string;
  label: string;
  unit: string;
  base: number;
  low: number;
  high: number;
  /** Median IRR per year with the input at `low` / `high`. */
  irrAtLow: number;
  irrAtHigh: number;
  /** |irrAtHigh − irrAtLow| */
  swing: number;
}

export interface Tornado {
  policy: PolicyName;
  paths: number;
  /** Median IRR per year at the scenario's values, on the same paths. */
  baseIrr: number;
  bars: TornadoBar[];
}

/** A scenario variant of the tornado: the base, or one input at one end. */
export interface TornadoVariant {
  field: string | null;
  end: "base" | "low" | "high";
  scenario: Scenario;
}

/** The base and the two ends of every input. */
export function tornadoVariants(scenario: Scenario): TornadoVariant[] {
  const variants: TornadoVariant[] = [{ field: null, end: "base", scenario }];
  for (const input of tornadoInputs(scenario)) {
    variants.push({ field: input.field, end: "low", scenario: withInput(scenario, input.field, input.low) });
    variants.push({ field: input.field, end: "high", scenario: withInput(scenario, input.field, input.high) });
  }
  return variants;
}

/** The median IRR of a one-policy block. */
export function medianIrr(block: PathBlock, shape: BlockShape, policy: PolicyName, priceUsd: number, years: number) {
  return summarizePolicies(block, shape, [policy], priceUsd, years)[0]!.irr.p50;
}

/** Assembles the tornado from the median IRR of each variant (in `tornadoVariants` order). */
export function buildTornado(scenario: Scenario, policy: PolicyName, paths: number, irrs: readonly number[]): Tornado {
  const inputs = tornadoInputs(scenario);
  const bars = inputs.map((input, i): TornadoBar => {
    const irrAtLow = irrs[1 + 2 * i]!;
    const irrAtHigh = irrs[2 + 2 * i]!;
    return { ...input, irrAtLow, irrAtHigh, swing: Math.abs(irrAtHigh - irrAtLow) };
  });
  bars.sort((a, b) => b.swing - a.swing || a.field.localeCompare(b.field));
  return { policy, paths, baseIrr: irrs[0]!, bars };
}

/** The jobs of one variant: its paths split as `ranges`, one policy. */
export function variantJobs(
  variant: TornadoVariant,
  template: Omit<PathJob, "scenario" | "from" | "to" | "policies">,
  policy: PolicyName,
  ranges: ReadonlyArray<{ from: number; to: number }>,
): PathJob[] {
  return ranges.map((range) => ({ ...template, ...range, scenario: variant.scenario, policies: [policy] }));
}
