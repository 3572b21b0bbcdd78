/** How the reports name the allocation policies. */
import type { PolicyName } from "../model/index.js";

/** A policy's name in prose and legends. */
export const POLICY_LABEL: Record<PolicyName, string> = {
  "mining-only": "mining only",
  "ai-only": "AI only",
  arbitrage: "arbitrage",
};

/** "mining only and arbitrage", "mining only, AI only and arbitrage". */
export function listLabels(policies: readonly PolicyName[]): string {
  const labels = policies.map((policy) => POLICY_LABEL[policy]);
  return labels.length < 2 ? labels.join("") : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)!}`;
}
