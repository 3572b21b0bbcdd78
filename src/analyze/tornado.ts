/**
 * The sensitivity tornado: the median IRR of one policy when each input moves to the low and to the high end of its
 * plausible range (model.ts, `tornadoInputs`), the others at the scenario's values, on the same paths (the same seeds,
 * so the bars differ by the input alone). Bars are ordered by their swing, widest first.
 */
import { pathJob, type BlockShape, type PathBlock, type PathJob } from "./block.js";
import { sameMarket, tornadoInputs, withInput, type PolicyName, type Scenario } from "./model.js";
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
  /** Mean NPV per share, USD, with the input at `low` / `high` (informative where the median IRR saturates). */
  npvAtLow: number;
  npvAtHigh: number;
}

export interface Tornado {
  policy: PolicyName;
  paths: number;
  /** Median IRR per year at the scenario's values, on the same paths. */
  baseIrr: number;
  /** Mean NPV per share at the scenario's values, USD. */
  baseNpv: number;
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

/** What the tornado reads of one variant: the median IRR and the mean NPV across its paths. */
export interface VariantFigures {
  irr: number;
  npv: number;
}

/** The figures of each pool of a block whose pools all run `policy` (a market group's variants, in its order). */
export function groupFigures(
  block: PathBlock,
  shape: BlockShape,
  policy: PolicyName,
  priceUsd: number,
  years: number,
): VariantFigures[] {
  const pools = Array.from({ length: shape.policies }, () => policy);
  return summarizePolicies(block, shape, pools, priceUsd, years).map((summary) => ({
    irr: summary.irr.p50,
    npv: summary.npvUsd.mean,
  }));
}

/**
 * Assembles the tornado from each variant's figures (in `tornadoVariants` order). Bars are ordered by their IRR swing,
 * then by their NPV swing (which still separates inputs where the median IRR sits at −100 % at both ends).
 */
export function buildTornado(
  scenario: Scenario,
  policy: PolicyName,
  paths: number,
  figures: readonly VariantFigures[],
): Tornado {
  const inputs = tornadoInputs(scenario);
  const bars = inputs.map((input, i): TornadoBar => {
    const low = figures[1 + 2 * i]!;
    const high = figures[2 + 2 * i]!;
    return {
      ...input,
      irrAtLow: low.irr,
      irrAtHigh: high.irr,
      swing: Math.abs(high.irr - low.irr),
      npvAtLow: low.npv,
      npvAtHigh: high.npv,
    };
  });
  const npvSwing = (bar: TornadoBar) => Math.abs(bar.npvAtHigh - bar.npvAtLow);
  bars.sort((a, b) => b.swing - a.swing || npvSwing(b) - npvSwing(a) || a.field.localeCompare(b.field));
  return { policy, paths, baseIrr: figures[0]!.irr, baseNpv: figures[0]!.npv, bars };
}

/**
 * The variants grouped by market (`sameMarket`: every field the market reads is equal), each group in the order of its
 * first variant, as indices into `variants`. The pools of a group share one market per path: the base and every
 * variant of a pool input (power price, AI deals, capex …) make one group; each variant of a market input (BTC, fees,
 * the network) has its own market.
 */
export function marketGroups(variants: readonly TornadoVariant[]): number[][] {
  const groups: number[][] = [];
  variants.forEach((variant, v) => {
    const group = groups.find((g) => sameMarket(variants[g[0]!]!.scenario, variant.scenario));
    if (group === undefined) groups.push([v]);
    else group.push(v);
  });
  return groups;
}

/** What drawing a path's market costs, in days of one pool (about five, from a CPU profile of the default run). */
const MARKET_COST_IN_POOLS = 5;

/**
 * Paths per job of a market group of `pools` variants, for jobs of about the work of `size` paths of one variant: a
 * group of many pools takes fewer paths per job, so that no job keeps a thread long while the others run dry.
 */
export function groupJobPaths(size: number, pools: number): number {
  return Math.max(1, Math.round((size * (MARKET_COST_IN_POOLS + 1)) / (MARKET_COST_IN_POOLS + pools)));
}

/** The jobs of one market group: its paths split as `ranges`, a pool per variant, every pool under `policy`. */
export function groupJobs(
  variants: readonly TornadoVariant[],
  group: readonly number[],
  template: Omit<PathJob, "scenario" | "from" | "to" | "policies">,
  policy: PolicyName,
  ranges: ReadonlyArray<{ from: number; to: number }>,
): PathJob[] {
  const poolScenarios = group.map((v) => variants[v]!.scenario);
  const policies = group.map(() => policy);
  return ranges.map((range) =>
    pathJob({ ...template, ...range, scenario: poolScenarios[0]!, policies, poolScenarios }),
  );
}
