import { expect } from "chai";

import { expectClose } from "../model/helpers.js";
import { investorLines, investorsCsv, investorView, type DayPlan, type Holding } from "../../src/sim/index.js";

const SHARE = 10n ** 18n;
const ALICE = "0x00000000000000000000000000000000000000a1";
const TREASURY = "0x00000000000000000000000000000000000000f0";

/** `days` days over one share: each pays `usdcUnits` of USDC and `sats` of WBTC at a BTC price of `btcPriceUsd`. */
function plans(days: number, usdcUnits: bigint, sats: bigint, btcPriceUsd: number): DayPlan[] {
  return Array.from(
    { length: days },
    (_, day) =>
      ({
        result: { day, priceUsd: btcPriceUsd },
        ops: [],
        supply: SHARE,
        depositedWbtc: sats,
        depositedUsdc: usdcUnits,
      }) as unknown as DayPlan,
  );
}

const holding = (label: string, address: string, shares: bigint, wbtc: bigint, usdc: bigint): Holding => ({
  label,
  address,
  shares,
  claimed: [wbtc, usdc],
  claimable: [0n, 0n],
});

describe("investorView", function () {
  const terms = { sharesPerTHs: SHARE, pricePerShare: 50_000_000n, maxSharesPerBuyer: SHARE };
  // A year of 0.10 USDC a day on a share sold at 50 USDC: 0.2 % of the price a day.
  const view = investorView({
    plans: plans(365, 100_000n, 0n, 100_000),
    terms,
    investors: [holding("#1", ALICE, SHARE, 0n, 36_500_000n)],
    treasury: holding("treasury", TREASURY, 0n, 0n, 0n),
    paid: new Map([[ALICE, { paidUsdc: 50_000_000n, entryDay: 0 }]]),
  });

  it("puts the sale price next to what one share received, in USD and in BTC", function () {
    expect(view.salePriceUsd).to.equal(50);
    expectClose(view.perShare.usd, 36.5, 1e-9);
    expectClose(view.perShare.usdc, 36.5, 1e-9);
    expect(view.perShare.wbtcSats).to.equal(0);
    expectClose(view.perShare.btcEquivalent, 36.5 / 100_000, 1e-15);
  });

  it("gives the yield a year and the IRR with the share resold at the price: 0.2 % a day compounded", function () {
    expectClose(view.yieldPerYear, 0.73, 1e-12);
    expect(view.irrResoldAtPrice.ok).to.equal(true);
    if (view.irrResoldAtPrice.ok) expectClose(view.irrResoldAtPrice.rate, 1.002 ** 365 - 1, 1e-9);
  });

  it("finds no payback within a year that repaid 73 %, and a negative IRR with the share worth nothing", function () {
    expect(view.paybackDay).to.equal(null);
    expect(view.irr.ok).to.equal(true);
    if (view.irr.ok) expect(view.irr.rate).to.be.within(-0.99, 0);
  });

  it("counts WBTC payouts in sats per share and values them at each day's price", function () {
    const btc = investorView({
      plans: [...plans(1, 0n, 1_000n, 50_000), ...plans(1, 0n, 1_000n, 100_000)],
      terms,
      investors: [],
      treasury: holding("treasury", TREASURY, SHARE, 2_000n, 0n),
      paid: new Map(),
    });
    expect(btc.perShare.wbtcSats).to.equal(2_000);
    expectClose(btc.perShare.usd, 0.00001 * 50_000 + 0.00001 * 100_000, 1e-9);
    expectClose(btc.perShare.btcEquivalent, 0.00002, 1e-15);
    expectClose(btc.holdBtc.btc, 50 / 50_000, 1e-15);
    expectClose(btc.holdBtc.endUsd, 100, 1e-9);
    // The treasury is apart: its WBTC at the last day's price.
    expectClose(btc.treasury.receivedUsd, 2, 1e-9);
  });

  it("lists each investor's payment and receipts, the treasury apart, with thousands separators for people", function () {
    const csv = investorsCsv(view).trimEnd().split("\n");
    expect(csv[0]).to.equal("investor,address,entry_day,shares,paid_usdc,received_wbtc,received_usdc,received_usd");
    expect(csv[1]).to.equal(`#1,${ALICE},0,1,50,0,36.5,36.50`);
    expect(csv[2]).to.equal(`treasury,${TREASURY},0,0,0,0,0,0.00`);
    const lines = investorLines(view).join("\n");
    expect(lines).to.include("Sale price of one share:");
    expect(lines).to.match(/Cash yield a year on the sale price, so far: +73\.0 %/);
    expect(lines).to.include("the treasury, apart, received 0.00 USD");
  });
});
