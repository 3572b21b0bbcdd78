/**
 * The operator view: supply against backing over time, the oracle's reports per epoch (each reporter's submission
 * and the finalized value), deposits per epoch and source, sale progress, holders and concentration, role holders,
 * pause state and timelock operations with the time each becomes executable.
 */
import { getAddress } from "ethers";

import { formatAmount, formatPercent } from "../cli/amount.js";
import { sourceName } from "../cli/source.js";
import { usdPerUnit } from "./prices.js";
import { tokenOf, type ViewContext } from "./investor.js";

const iso = (timestamp: number) => new Date(timestamp * 1000).toISOString().replace(".000Z", "Z");

export function operatorView(ctx: ViewContext, options: { maxPauseDuration: number | undefined }) {
  const { state, prices, now } = ctx;
  const facts = state.facts;
  const sd = facts.pool.decimals;
  const shares = (v: bigint) => formatAmount(v, sd);

  // Supply and backing as step series over time (backing = finalized hashrate × shares per TH/s).
  const finalized = [...state.finalized.entries()]
    .map(([epoch, f]) => ({ epoch, ...f }))
    .sort((a, b) => a.block - b.block);
  const series: Array<{ timestamp: number; date: string; series: string; shares: number }> = [];
  for (const p of state.supplyPoints) {
    series.push({ timestamp: p.timestamp, date: iso(p.timestamp), series: "supply", shares: Number(shares(p.supply)) });
  }
  for (const f of finalized) {
    const backing = f.hashrate * facts.pool.sharesPerTHs;
    series.push({ timestamp: f.timestamp, date: iso(f.timestamp), series: "backing", shares: Number(shares(backing)) });
  }
  const latest = finalized[finalized.length - 1];
  const backing = latest === undefined ? 0n : latest.hashrate * facts.pool.sharesPerTHs;

  const reports = [...new Set([...state.submissions.keys(), ...state.finalized.keys()])]
    .sort((a, b) => Number(BigInt(b) - BigInt(a)))
    .map((epoch) => ({
      epoch,
      date: iso(state.finalized.get(epoch)?.timestamp ?? state.submissions.get(epoch)?.[0]?.timestamp ?? 0),
      submissions: (state.submissions.get(epoch) ?? []).map((s) => ({
        reporter: s.reporter,
        hashrateTHs: s.hashrate.toString(),
      })),
      finalizedTHs: state.finalized.get(epoch)?.hashrate.toString() ?? null,
    }));

  const deposits = state.deposits
    .map((d) => {
      const token = tokenOf(state, d.token);
      const price = usdPerUnit(prices, token.symbol, d.timestamp);
      const amount = formatAmount(d.amount, token.decimals);
      return {
        epoch: d.epoch,
        date: iso(d.timestamp),
        source: sourceName(d.source),
        symbol: token.symbol,
        amount,
        usd: price === undefined ? null : Math.round(Number(amount) * price * 100) / 100,
        txHash: d.txHash,
      };
    })
    .reverse();

  const pay = facts.sale.paymentToken;
  const sold = state.purchases.reduce((s, p) => s + BigInt(String(p.args.shares)), 0n);
  const proceeds = state.purchases.reduce((s, p) => s + BigInt(String(p.args.cost)), 0n);
  const buyers = new Set(state.purchases.map((p) => String(p.args.buyer).toLowerCase()));
  const saleState = now < facts.sale.startTime ? "not started" : now > facts.sale.endTime ? "ended" : "open";

  const holders = [...state.balances.entries()].filter(([, b]) => b > 0n).sort((a, b) => (b[1] > a[1] ? 1 : -1));
  const top = holders.slice(0, 10);
  const topSum = top.reduce((s, [, b]) => s + b, 0n);
  const hhi =
    state.supply === 0n ? 0 : holders.reduce((s, [, b]) => s + (Number(b) / Number(state.supply)) ** 2, 0) * 10_000;

  // Roles are only read from followed contracts: one that is not the oracle, the pool or the sale is a timelock.
  const labels: Record<string, string> = { ...facts.labels };
  for (const contract of state.roles.keys()) labels[contract] ??= "timelock";

  const roles = [...state.roles.entries()].flatMap(([contract, byRole]) =>
    [...byRole.entries()].map(([role, members]) => ({
      contract: labels[contract] ?? contract,
      address: contract,
      role: facts.roleNames[role] ?? role,
      holders: [...members].map((m) => ({ address: m, label: labels[m] ?? null })),
    })),
  );

  const lastPause = state.pauses[state.pauses.length - 1];
  let pausedUntil: number | null = null;
  if (lastPause?.name === "Paused") {
    pausedUntil = options.maxPauseDuration === undefined ? null : lastPause.timestamp + options.maxPauseDuration;
  }
  const paused = lastPause?.name === "Paused" && (pausedUntil === null || now < pausedUntil);

  const timelock = [...state.timelockOps.values()]
    .map((op) => ({
      id: op.id,
      timelock: op.timelock,
      state: op.state,
      scheduledAt: iso(op.scheduledAt),
      executableAt: iso(op.scheduledAt + op.delay),
      ready: op.state === "pending" && now >= op.scheduledAt + op.delay,
      calls: op.calls.map((c) => ({
        target: labels[c.target] ?? c.target,
        selector: c.data.slice(0, 10),
        value: c.value,
      })),
    }))
    .sort((a, b) =>
      a.state === b.state ? a.executableAt.localeCompare(b.executableAt) : a.state === "pending" ? -1 : 1,
    );

  return {
    block: ctx.block,
    timestamp: now,
    name: facts.pool.name,
    symbol: facts.pool.symbol,
    supply: shares(state.supply),
    backing: shares(backing),
    latestReport: latest === undefined ? null : { epoch: latest.epoch, hashrateTHs: latest.hashrate.toString() },
    supplyVsBacking: series,
    reports,
    deposits,
    sale: {
      state: saleState,
      start: iso(facts.sale.startTime),
      end: iso(facts.sale.endTime),
      price: formatAmount(facts.sale.pricePerShare, pay.decimals),
      paymentSymbol: pay.symbol,
      sold: shares(sold),
      proceeds: formatAmount(proceeds, pay.decimals),
      buyers: buyers.size,
      purchases: state.purchases.length,
      soldPercentOfSupply: formatPercent(sold, state.supply),
    },
    holders: {
      count: holders.length,
      top10Percent: formatPercent(topSum, state.supply),
      hhi: Math.round(hhi),
      top: top.map(([address, balance]) => ({
        address: getAddress(address),
        shares: shares(balance),
        percent: formatPercent(balance, state.supply),
      })),
    },
    roles,
    pause: {
      paused,
      pausedUntil: pausedUntil === null ? null : iso(pausedUntil),
      lastChange: lastPause === undefined ? null : { event: lastPause.name, at: iso(lastPause.timestamp) },
    },
    timelock,
    skims: state.skims.map((s) => ({
      token: tokenOf(state, String(s.args.token)).symbol,
      to: String(s.args.to),
      amount: formatAmount(BigInt(String(s.args.amount)), tokenOf(state, String(s.args.token)).decimals),
      at: iso(s.timestamp),
    })),
    pricesSource: prices.source,
  };
}

export type OperatorView = ReturnType<typeof operatorView>;
