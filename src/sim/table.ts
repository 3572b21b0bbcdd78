/**
 * The table printed at the end of a run: what each simulated investor holds, has received and can still claim —
 * the top holders, the rest folded into one line, the totals, and the treasury.
 */
import { formatAmount, formatPayout, formatShares } from "../cli/amount.js";
import { formatTable } from "../cli/output.js";
import type { Holding } from "./readback.js";

const HEAD = [
  "investor",
  "address",
  "shares",
  "of supply",
  "received WBTC",
  "received USDC",
  "claimable WBTC",
  "claimable USDC",
];

/** `part / whole` in percent with two decimals, rounded down. */
function percent(part: bigint, whole: bigint): string {
  if (whole === 0n) return "0.00%";
  return `${formatAmount((part * 10_000n) / whole, 2, { shown: 2 })}%`;
}

const wbtc = (value: bigint): string => formatPayout(value, "wbtc");
const usdc = (value: bigint): string => formatPayout(value, "usdc");

function row(label: string, address: string, h: Omit<Holding, "label" | "address">, supply: bigint): string[] {
  return [
    label,
    address,
    formatShares(h.shares, { shown: 2, grouped: true }),
    percent(h.shares, supply),
    wbtc(h.claimed[0]),
    usdc(h.claimed[1]),
    wbtc(h.claimable[0]),
    usdc(h.claimable[1]),
  ];
}

function total(holdings: readonly Holding[]): Omit<Holding, "label" | "address"> {
  const sum = (f: (h: Holding) => bigint): bigint => holdings.reduce((t, h) => t + f(h), 0n);
  return {
    shares: sum((h) => h.shares),
    claimed: [sum((h) => h.claimed[0]), sum((h) => h.claimed[1])],
    claimable: [sum((h) => h.claimable[0]), sum((h) => h.claimable[1])],
  };
}

/** Largest holders first (by shares, then by WBTC received). */
export function rankHoldings(holdings: readonly Holding[]): Holding[] {
  return [...holdings].sort((a, b) =>
    a.shares !== b.shares
      ? b.shares > a.shares
        ? 1
        : -1
      : b.claimed[0] > a.claimed[0]
        ? 1
        : b.claimed[0] < a.claimed[0]
          ? -1
          : 0,
  );
}

/** The holdings table: the `top` largest holders (by shares, then received), the others, all investors, treasury. */
export function holdingsTable(
  input: { investors: readonly Holding[]; treasury: Holding; supply: bigint },
  top = 10,
): string {
  const ranked = rankHoldings(input.investors);
  const rows = ranked.slice(0, top).map((h) => row(h.label, h.address, h, input.supply));
  const others = ranked.slice(top);
  if (others.length > 0) rows.push(row(`… ${others.length} more`, "", total(others), input.supply));
  rows.push(row(`all ${input.investors.length} investors`, "", total(input.investors), input.supply));
  rows.push(row("treasury", input.treasury.address, input.treasury, input.supply));
  return formatTable(HEAD, rows, [2, 3, 4, 5, 6, 7], "");
}
