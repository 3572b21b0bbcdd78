import { expect } from "chai";

import { createInvestors, investorAddress, Planner, SHARE_QUANTUM, type Op } from "../../src/sim/index.js";
import { LOCAL_ROLES, planDays, plannerConfig } from "./helpers.js";

const SHARE = 10n ** 18n;

describe("Planner", function () {
  describe("next", function () {
    it("plans the same operations from the same seed, and others from another seed", function () {
      const a = planDays(new Planner(plannerConfig()), 40).map((plan) => plan.ops);
      const b = planDays(new Planner(plannerConfig()), 40).map((plan) => plan.ops);
      const c = planDays(new Planner(plannerConfig({ seed: "other" })), 40).map((plan) => plan.ops);
      expect(a).to.deep.equal(b);
      expect(a).to.not.deep.equal(c);
    });

    it("reports the model's hashrate for the day's clock epoch, first thing each day, from each quorum reporter", function () {
      const reporters = ["0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"];
      const firstEpoch = 20_419; // 2025-11-27, the UTC day the run starts on
      const plans = planDays(new Planner(plannerConfig({ roles: { ...LOCAL_ROLES, reporters }, firstEpoch })), 10);
      for (const plan of plans) {
        const expected: Op[] = reporters.map((from) => ({
          kind: "report",
          from,
          epoch: firstEpoch + plan.result.day,
          hashrateThs: plan.result.hashrateThs,
        }));
        expect(plan.ops.slice(0, 2)).to.deep.equal(expected);
      }
    });

    it("mints the whole new backing (investors first, the treasury the rest) and nothing when the backing falls", function () {
      const plans = planDays(new Planner(plannerConfig({ policy: "arbitrage" })), 40);
      let highest = 0n;
      for (const plan of plans) {
        const backing = plan.result.hashrateThs * SHARE;
        const previous = highest;
        if (backing > highest) highest = backing;
        expect(plan.supply).to.equal(highest);
        expect(plan.sold + plan.treasuryMinted).to.equal(highest - previous);
        const buys = plan.ops.filter((op): op is Extract<Op, { kind: "buy" }> => op.kind === "buy");
        expect(buys.reduce((t, op) => t + op.shares, 0n)).to.equal(plan.sold);
        for (const buy of buys) expect(buy.shares % SHARE_QUANTUM).to.equal(0n);
      }
      // arbitrage on the early-AI scenario signs a second AI deal on day 4 (the first retarget): the capacity stops
      // mining as it is committed, the backing falls and minting stops.
      expect(plans[4]!.result.hashrateThs).to.be.lessThan(plans[3]!.result.hashrateThs);
      expect(plans[4]!.sold + plans[4]!.treasuryMinted).to.equal(0n);
    });

    it("has each buyer take USDC, approve the sale once, and pay the rounded-up quote", function () {
      const plans = planDays(new Planner(plannerConfig()), 40);
      const approvals = new Map<string, number>();
      for (const plan of plans) {
        plan.ops.forEach((op, i) => {
          if (op.kind === "approve" && op.spender === "sale") approvals.set(op.from, (approvals.get(op.from) ?? 0) + 1);
          if (op.kind !== "buy") return;
          const faucet = plan.ops
            .slice(0, i)
            .reverse()
            .find((o) => o.from === op.from && o.kind === "faucet");
          expect(faucet).to.deep.equal({ kind: "faucet", from: op.from, token: "usdc", to: op.from, amount: op.cost });
          expect(op.cost).to.equal((op.shares * 50_000_000n + SHARE - 1n) / SHARE);
          expect(approvals.get(op.from)).to.equal(1);
        });
      }
      expect(approvals.size).to.be.greaterThan(0);
    });

    it("caps each buyer at the sale's maxSharesPerBuyer", function () {
      const cap = 1_000n * SHARE;
      const planner = new Planner(
        plannerConfig({ terms: { sharesPerTHs: SHARE, pricePerShare: 50_000_000n, maxSharesPerBuyer: cap } }),
      );
      planDays(planner, 40);
      for (const investor of planner.investors) expect(investor.purchased <= cap).to.equal(true);
      expect(planner.investors.some((investor) => investor.purchased === cap)).to.equal(true);
    });

    it("deposits each non-zero payout once, WBTC as source 0 and USDC as source 1, with epoch = day", function () {
      const plans = planDays(new Planner(plannerConfig()), 40);
      for (const plan of plans) {
        const deposits = plan.ops.filter((op): op is Extract<Op, { kind: "deposit" }> => op.kind === "deposit");
        const expected: Array<Partial<Op>> = [];
        if (plan.result.payoutWbtcSats > 0n) {
          expected.push({ token: "wbtc", source: 0, amount: plan.result.payoutWbtcSats, epoch: plan.result.day });
        }
        if (plan.result.payoutUsdcUnits > 0n) {
          expected.push({ token: "usdc", source: 1, amount: plan.result.payoutUsdcUnits, epoch: plan.result.day });
        }
        expect(deposits.map(({ token, source, amount, epoch }) => ({ token, source, amount, epoch }))).to.deep.equal(
          expected,
        );
        expect(plan.depositedWbtc).to.equal(plan.result.payoutWbtcSats);
        expect(plan.depositedUsdc).to.equal(plan.result.payoutUsdcUnits);
      }
      expect(plans[0]!.result.payoutUsdcUnits).to.equal(0n); // AI earns from day 2 only: no USDC deposit on day 0
      expect(plans[5]!.depositedUsdc).to.be.greaterThan(0n);
    });

    it("sends shares only from balances the mirror holds and claims only what is owed", function () {
      const planner = new Planner(plannerConfig({ holders: 60, days: 60 }));
      const plans = planDays(planner, 60);
      const transfers = plans.flatMap((plan) => plan.ops.filter((op) => op.kind === "transfer"));
      const claims = plans.flatMap((plan) => plan.ops.filter((op) => op.kind === "claim" || op.kind === "claimAll"));
      expect(transfers.length).to.be.greaterThan(0);
      expect(claims.length).to.be.greaterThan(0);
      const totals = [planner.shadow.totals(0), planner.shadow.totals(1)];
      for (const t of totals) expect(t.totalClaimed <= t.totalDeposited).to.equal(true);
      const held = [LOCAL_ROLES.treasury, ...planner.investors.map((i) => i.address)].reduce(
        (sum, address) => sum + planner.shadow.balanceOf(address),
        0n,
      );
      expect(held).to.equal(planner.shadow.supply);
    });

    it("claims with claim(token) when one token is owed and claimAll() when both are", function () {
      const plans = planDays(new Planner(plannerConfig({ holders: 60, days: 60 })), 60);
      const claimsOn = (from: number, to: number) =>
        plans.slice(from, to).flatMap((plan) => plan.ops.filter((op) => op.kind === "claim" || op.kind === "claimAll"));
      // Before day 2 only WBTC has been paid: every claim is claim(WBTC).
      expect(claimsOn(0, 2)).to.not.be.empty;
      expect(claimsOn(0, 2).every((op) => op.kind === "claim" && op.token === "wbtc")).to.equal(true);
      expect(claimsOn(10, 60).some((op) => op.kind === "claimAll")).to.equal(true);
    });

    it("refuses to plan past the run's last day", function () {
      const planner = new Planner(plannerConfig({ days: 2 }));
      planDays(planner, 2);
      expect(() => planner.next()).to.throw(RangeError, /2 days/);
    });
  });
});

describe("createInvestors", function () {
  it("gives investor i the same stable address and traits whatever the number of investors", function () {
    const ten = createInvestors("seed", 10, 365);
    const hundred = createInvestors("seed", 100, 365);
    expect(hundred.slice(0, 10)).to.deep.equal(ten);
    expect(ten[3]!.address).to.equal(investorAddress(3));
    expect(new Set(hundred.map((i) => i.address)).size).to.equal(100);
  });

  it("brings most investors in on day 0 and the others on later days of the run", function () {
    const investors = createInvestors("seed", 1_000, 365);
    const early = investors.filter((i) => i.entryDay === 0).length;
    expect(early).to.be.within(640, 760);
    for (const investor of investors) {
      expect(investor.entryDay).to.be.within(0, 364);
      expect(investor.claimEveryDays).to.be.within(7, 180);
      expect(investor.budgetUsdc > 0n).to.equal(true);
    }
  });
});
