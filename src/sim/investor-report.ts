/**
 * The investor's view (investor-view.ts) put in words and tables: lines for the terminal, a section of the report
 * page, investors.csv, and its part of summary.json. Every figure for people has thousands separators.
 */
import { stringify } from "csv-stringify/sync";

import { formatAmount, formatNumber, formatPayout, formatShares, formatUsd } from "../cli/amount.js";
import type { IrrResult } from "../finance/index.js";
import { TOKEN_FACTS, toWhole } from "../tokens.js";
import type { InvestorAccount, InvestorView } from "./investor-view.js";
import { escapeHtml } from "../report/html-page.js";
import { rankHoldings } from "./table.js";

/** A rate as a percentage with one decimal, e.g. "8.3 %"; IRR failures in words. */
export function formatRate(rate: number): string {
  return `${formatNumber(rate * 100, 1)} %`;
}

/** An IRR, or why there is none. */
export function formatIrr(result: IrrResult): string {
  if (result.ok) return formatRate(result.rate);
  switch (result.reason) {
    case "no-inflow":
      return "none (nothing paid yet)";
    case "no-outflow":
      return "none (nothing paid for the share)";
    case "below-range":
      return "below −99.99 % a year (far from paid back)";
    case "above-range":
      return "above +1,000,000 % a year";
    case "no-root":
      return "none (the cash flows change sign more than once)";
  }
}

const btc = (value: number): string => `${formatNumber(value, 8)} BTC`;

/** The key figures of the view, label and value. */
export function investorFigures(view: InvestorView): Array<[string, string]> {
  const span = `${formatNumber(view.days)} days`;
  return [
    ["Sale price of one share", `${formatUsd(view.salePriceUsd)} USDC`],
    [
      `Paid to one share held from day 0 (${span})`,
      `${formatUsd(view.perShare.usd)} USD = ${formatNumber(view.perShare.wbtcSats, 0)} sats of WBTC + ` +
        `${formatUsd(view.perShare.usdc)} USDC`,
    ],
    ["The same payouts in BTC (each at its day's price)", btc(view.perShare.btcEquivalent)],
    ["Paid back so far", `${formatRate(view.perShare.usd / view.salePriceUsd)} of the sale price`],
    ["Cash yield a year on the sale price, so far", formatRate(view.yieldPerYear)],
    ["IRR so far, share worth nothing at the end", formatIrr(view.irr)],
    ["IRR so far, share sold back at the sale price", formatIrr(view.irrResoldAtPrice)],
    [
      "Payback (payouts ≥ sale price)",
      view.paybackDay === null ? `not within the ${span}` : `day ${formatNumber(view.paybackDay + 1)}`,
    ],
    [
      "Holding BTC instead",
      `the sale price bought ${btc(view.holdBtc.btc)} on day 0 (at ${formatUsd(view.btcPrice.first, 0)} USD), ` +
        `worth ${formatUsd(view.holdBtc.endUsd)} USD on the last day (at ${formatUsd(view.btcPrice.last, 0)} USD)`,
    ],
  ];
}

/** The view as lines for the terminal. */
export function investorLines(view: InvestorView): string[] {
  const figures = investorFigures(view);
  const width = Math.max(...figures.map(([label]) => label.length));
  const all = totals(view.investors);
  return [
    "Investor's view (one share bought at the sale price on day 0):",
    ...figures.map(([label, value]) => `  ${`${label}:`.padEnd(width + 2)}${value}`),
    `  Investors paid ${formatPayout(all.paidUsdc, "usdc")} USDC and received ${formatUsd(all.receivedUsd)} USD ` +
      `(${formatPayout(all.receivedWbtc, "wbtc")} WBTC + ${formatPayout(all.receivedUsdc, "usdc")} USDC); ` +
      `the treasury, apart, received ${formatUsd(view.treasury.receivedUsd)} USD on ${formatShares(view.treasury.shares, { shown: 2, grouped: true })} shares`,
  ];
}

function totals(accounts: readonly InvestorAccount[]): Omit<InvestorAccount, "label" | "address" | "entryDay"> {
  const sum = (f: (a: InvestorAccount) => bigint): bigint => accounts.reduce((t, a) => t + f(a), 0n);
  return {
    shares: sum((a) => a.shares),
    paidUsdc: sum((a) => a.paidUsdc),
    receivedWbtc: sum((a) => a.receivedWbtc),
    receivedUsdc: sum((a) => a.receivedUsdc),
    receivedUsd: accounts.reduce((t, a) => t + a.receivedUsd, 0),
  };
}

/** Received over paid, e.g. "0.083×"; "—" for an account that paid nothing (shares received as a transfer). */
function multiple(account: Pick<InvestorAccount, "paidUsdc" | "receivedUsd">): string {
  const paid = toWhole(account.paidUsdc, "usdc");
  return paid > 0 ? `${formatNumber(account.receivedUsd / paid, 3)}×` : "—";
}

const INVESTOR_COLUMNS = [
  "investor",
  "address",
  "entry_day",
  "shares",
  "paid_usdc",
  "received_wbtc",
  "received_usdc",
  "received_usd",
] as const;

/** investors.csv: one line per investor, then the treasury (exact amounts, no separators: for programs). */
export function investorsCsv(view: InvestorView): string {
  const line = (a: InvestorAccount) => [
    a.label,
    a.address,
    a.entryDay,
    formatShares(a.shares),
    formatAmount(a.paidUsdc, TOKEN_FACTS.usdc.decimals),
    formatAmount(a.receivedWbtc, TOKEN_FACTS.wbtc.decimals),
    formatAmount(a.receivedUsdc, TOKEN_FACTS.usdc.decimals),
    a.receivedUsd.toFixed(2),
  ];
  return stringify([...view.investors.map(line), line(view.treasury)], {
    header: true,
    columns: [...INVESTOR_COLUMNS],
  });
}

/** The report page's section: the figures, then the top investors, all investors and the treasury apart. */
export function investorSection(view: InvestorView, top = 20): string {
  const figures = investorFigures(view)
    .map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join("\n");
  const byAddress = new Map(view.investors.map((a) => [a.address, a]));
  const ranked = rankHoldings(
    view.investors.map((a) => ({
      label: a.label,
      address: a.address,
      shares: a.shares,
      claimed: [a.receivedWbtc, a.receivedUsdc] as const,
      claimable: [0n, 0n] as const,
    })),
  ).map((h) => byAddress.get(h.address)!);
  const row = (a: Omit<InvestorAccount, "address" | "entryDay">, label: string): string =>
    `<tr><th>${escapeHtml(label)}</th><td>${formatShares(a.shares, { shown: 2, grouped: true })}</td>` +
    `<td>${formatPayout(a.paidUsdc, "usdc")}</td><td>${formatPayout(a.receivedWbtc, "wbtc")}</td>` +
    `<td>${formatPayout(a.receivedUsdc, "usdc")}</td><td>${formatUsd(a.receivedUsd)}</td><td>${multiple(a)}</td></tr>`;
  const rest = ranked.slice(top);
  const rows = [
    ...ranked.slice(0, top).map((a) => row(a, a.label)),
    ...(rest.length > 0 ? [row({ label: "", ...totals(rest) }, `… ${formatNumber(rest.length)} more`)] : []),
    row({ label: "", ...totals(view.investors) }, `all ${formatNumber(view.investors.length)} investors`),
  ].join("\n");
  return `<h2>Investor's view</h2>
<p class="note">One share bought at the sale price on day 0 and held; payouts valued at each day's BTC price. IRR and
NPV need a value for the share at the end: shown with the share worth nothing, and sold back at the sale price.</p>
<table>
${figures}
</table>
<h3>Investors</h3>
<p class="note">Received counts what each investor claimed and can still claim; shares also change hands between
investors (OTC sales, gifts) at no price the chain records, so received / paid differs from one investor to another.</p>
<table>
<thead><tr><th>investor</th><th>shares</th><th>paid (USDC)</th><th>received WBTC</th><th>received USDC</th><th>received (USD at the last price)</th><th>received / paid</th></tr></thead>
${rows}
</table>
<h3>Treasury (apart)</h3>
<p class="note">The shares no investor bought are minted to the treasury; what they earn is the operator's, not the investors'.</p>
<table>
<thead><tr><th></th><th>shares</th><th>received WBTC</th><th>received USDC</th><th>received (USD at the last price)</th></tr></thead>
<tr><th>treasury</th><td>${formatShares(view.treasury.shares, { shown: 2, grouped: true })}</td><td>${formatPayout(view.treasury.receivedWbtc, "wbtc")}</td><td>${formatPayout(view.treasury.receivedUsdc, "usdc")}</td><td>${formatUsd(view.treasury.receivedUsd)}</td></tr>
</table>
<p class="note">Every investor: <a href="investors.csv">investors.csv</a>.</p>`;
}

/** The view's part of summary.json (numbers rounded so the file is byte-stable). */
export function investorJson(view: InvestorView) {
  const round = (value: number, digits = 6): number => Number(value.toFixed(digits));
  const irrJson = (result: IrrResult) => (result.ok ? round(result.rate) : result.reason);
  const all = totals(view.investors);
  return {
    salePriceUsd: round(view.salePriceUsd, 6),
    perShare: {
      usd: round(view.perShare.usd),
      wbtcSats: round(view.perShare.wbtcSats, 2),
      usdc: round(view.perShare.usdc),
      btcEquivalent: round(view.perShare.btcEquivalent, 10),
    },
    yieldPerYear: round(view.yieldPerYear),
    irr: irrJson(view.irr),
    irrResoldAtPrice: irrJson(view.irrResoldAtPrice),
    paybackDay: view.paybackDay,
    holdBtc: { btc: round(view.holdBtc.btc, 10), endUsd: round(view.holdBtc.endUsd, 2) },
    investors: {
      paidUsdc: all.paidUsdc.toString(),
      receivedWbtc: all.receivedWbtc.toString(),
      receivedUsdc: all.receivedUsdc.toString(),
      receivedUsd: round(all.receivedUsd, 2),
    },
    treasury: {
      shares: view.treasury.shares.toString(),
      receivedWbtc: view.treasury.receivedWbtc.toString(),
      receivedUsdc: view.treasury.receivedUsdc.toString(),
      receivedUsd: round(view.treasury.receivedUsd, 2),
    },
  };
}
