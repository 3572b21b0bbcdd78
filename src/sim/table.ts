/**
 * The table printed at the end of a run (cli-table3): what each simulated investor holds, has received and can
 * still claim — the top holders, the rest folded into one line, the totals, and the treasury.
 */
import Table from "cli-table3";

import type { Holding } from "./run.js";

/** `value` base units with `decimals` decimals, shown with `shown` decimals (rounded down) and thousands separators. */
export function fixedAmount(value: bigint, decimals: number, shown: number): string {
  const unit = 10n ** BigInt(decimals);
  const whole = value / unit;
  const fraction = ((value % unit) * 10n ** BigInt(shown)) / unit;
  const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return shown === 0 ? grouped : `${grouped}.${fraction.toString().padStart(shown, "0")}`;
}

/** `part / whole` in percent with two decimals. */
function percent(part: bigint, whole: bigint): string {
  if (whole === 0n) return "0.00%";
  return `${fixedAmount((part * 10_000n) / whole, 2, 2)}%`;
}

function row(label: string, address: string, h: Omit<Holding, "label" | "address">, supply: bigint): string[] {
  return [
    label,
    address,
    fixedAmount(h.shares, 18, 2),
    percent(h.shares, supply),
    fixedAmount(h.claimed[0], 8, 8),
    fixedAmount(h.claimed[1], 6, 2),
    fixedAmount(h.claimable[0], 8, 8),
    fixedAmount(h.claimable[1], 6, 2),
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

/** The holdings table: the `top` largest holders (by shares, then received), the others, all investors, treasury. */
export function holdingsTable(
  input: { investors: readonly Holding[]; treasury: Holding; supply: bigint },
  top = 10,
): string {
  const table = new Table({
    head: [
      "investor",
      "address",
      "shares",
      "of supply",
      "received WBTC",
      "received USDC",
      "claimable WBTC",
      "claimable USDC",
    ],
    colAligns: ["left", "left", "right", "right", "right", "right", "right", "right"],
    style: { head: [], border: [], compact: true },
  });
  const ranked = [...input.investors].sort((a, b) =>
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
  const shown = ranked.slice(0, top);
  for (const h of shown) table.push(row(h.label, h.address, h, input.supply));
  const others = ranked.slice(top);
  if (others.length > 0) table.push(row(`… ${others.length} more`, "", total(others), input.supply));
  table.push(row(`all ${input.investors.length} investors`, "", total(input.investors), input.supply));
  table.push(row("treasury", input.treasury.address, input.treasury, input.supply));
  return table.toString();
}
