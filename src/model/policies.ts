/**
 * Allocation policies (ECONOMICS "Allocation policies"). A policy acts on evaluation days — day 0 and the first
 * day of each difficulty epoch — by signing AI deals of `dealSize` % of capacity; committed AI capacity
 * (converting + earning) never exceeds `maxAiShare` % of capacity.
 *
 * - `mining-only`: never signs.
 * - `ai-only`: signs as many whole blocks as fit under `maxAiShare`, whatever the economics.
 * - `arbitrage`: while a block fits, values it (valuation.ts) and signs it when the AI value exceeds the mining
 *   value; one block per epoch at most. Each evaluation is returned as a `Decision` with both values.
 */
import type { Decision, PolicyName } from "./path-types.js";

/** What a policy sees on an evaluation day. */
export interface PolicyContext {
  day: number;
  policy: PolicyName;
  capacityMw: number;
  /** gross MW converting or earning AI */
  committedMw: number;
  /** `dealSize` % of capacity, MW */
  blockMw: number;
  /** `maxAiShare` % of capacity, MW */
  maxAiMw: number;
  /** the two values of one block, per gross MW (computed only when asked) */
  aiValue: () => number;
  miningValue: () => number;
}

const MW_EPSILON = 1e-9;

function money(usd: number): string {
  return `${(usd / 1e6).toFixed(2)} M USD/MW`;
}

/** Applies the policy on an evaluation day. Returns the decision, or undefined when there was nothing to decide. */
export function decide(context: PolicyContext): Decision | undefined {
  const { policy, blockMw, maxAiMw, committedMw, day } = context;
  if (policy === "mining-only") return undefined;
  const blocksThatFit = Math.floor((maxAiMw - committedMw + MW_EPSILON) / blockMw);
  if (blocksThatFit < 1) return undefined;
  const ai = context.aiValue();
  const mining = context.miningValue();
  if (policy === "ai-only") {
    const mw = blocksThatFit * blockMw;
    return {
      day,
      policy,
      convertedMw: mw,
      aiValueUsdPerMw: ai,
      miningValueUsdPerMw: mining,
      reason: `ai-only: converts ${mw.toFixed(1)} MW (${blocksThatFit} block(s), up to maxAiShare); AI ${money(ai)} vs mining ${money(mining)}`,
    };
  }
  const convert = ai > mining;
  return {
    day,
    policy,
    convertedMw: convert ? blockMw : 0,
    aiValueUsdPerMw: ai,
    miningValueUsdPerMw: mining,
    reason: convert
      ? `AI ${money(ai)} > mining ${money(mining)}: converts ${blockMw.toFixed(1)} MW`
      : `AI ${money(ai)} ≤ mining ${money(mining)}: keeps mining`,
  };
}
