import { expect } from "chai";
import fc from "fast-check";
import { network } from "hardhat";

import { buildHolderLedger, poolEventsFromLogs, type PoolEvent } from "../../src/pool/index.js";
import { holdersFixture, ONE_USDC, ONE_WBTC, type ReportedFixture } from "../helpers/fixtures.js";

/** Every share transfer, deposit and claim of the pool, as `buildHolderLedger` expects them. */
async function poolEvents(fx: ReportedFixture): Promise<PoolEvent[]> {
  const { pool } = fx;
  const [transfers, deposits, claims] = await Promise.all([
    pool.queryFilter(pool.filters.Transfer(), 0),
    pool.queryFilter(pool.filters.RevenueDeposited(), 0),
    pool.queryFilter(pool.filters.RevenueClaimed(), 0),
  ]);
  return poolEventsFromLogs({ transfers, deposits, claims });
}

describe("holder ledger against MiningPoolShare", function () {
  it("replays events to exactly the contract's claimable, and accrued = claimed + claimable (property)", async function () {
    this.timeout(120_000);
    const connection = await network.create();
    const { networkHelpers } = connection;
    const deployHolders = () => holdersFixture(connection);
    const op = fc.oneof(
      fc.record({
        kind: fc.constant("deposit" as const),
        usdc: fc.boolean(),
        source: fc.integer({ min: 0, max: 1 }),
        amount: fc.bigInt({ min: 1n, max: 10n ** 6n }),
      }),
      fc.record({
        kind: fc.constant("transfer" as const),
        from: fc.integer({ min: 0, max: 3 }),
        to: fc.integer({ min: 0, max: 3 }),
        percent: fc.integer({ min: 1, max: 100 }),
      }),
      fc.record({ kind: fc.constant("claim" as const), who: fc.integer({ min: 0, max: 3 }), usdc: fc.boolean() }),
      fc.record({
        kind: fc.constant("mint" as const),
        to: fc.integer({ min: 0, max: 3 }),
        value: fc.bigInt({ min: 1n, max: 10n ** 21n }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 14 }), async (ops) => {
        const fx = await networkHelpers.loadFixture(deployHolders);
        const holders = [fx.alice, fx.bob, fx.carol, fx.dave];
        const tokens = [fx.wbtc, fx.usdc];
        let epoch = 100n;
        for (const o of ops) {
          if (o.kind === "deposit") {
            const unit = o.usdc ? ONE_USDC : ONE_WBTC;
            await fx.pool
              .connect(fx.distributor)
              .depositRevenue(tokens[o.usdc ? 1 : 0]!, (o.amount * unit) / 1000n + 1n, o.source, ++epoch);
          } else if (o.kind === "transfer") {
            const from = holders[o.from]!;
            const value = ((await fx.pool.balanceOf(from.address)) * BigInt(o.percent)) / 100n;
            if (value > 0n) await fx.pool.connect(from).transfer(holders[o.to]!.address, value);
          } else if (o.kind === "claim") {
            await fx.pool.connect(holders[o.who]!).claim(tokens[o.usdc ? 1 : 0]!);
          } else {
            await fx.pool.connect(fx.minter).mint(holders[o.to]!.address, o.value);
          }
        }
        const events = await poolEvents(fx);
        for (const holder of holders) {
          const ledger = buildHolderLedger(holder.address, events);
          for (const token of tokens) {
            const address = (await token.getAddress()).toLowerCase();
            const claimable = await fx.pool.claimable(holder.address, token);
            const totals = ledger.tokens.get(address);
            expect(totals?.claimable ?? 0n).to.equal(claimable);
            const accrued = (totals?.accrued[0] ?? 0n) + (totals?.accrued[1] ?? 0n);
            expect(accrued).to.equal((totals?.claimed ?? 0n) + claimable);
            expect((totals?.unclaimedBySource[0] ?? 0n) + (totals?.unclaimedBySource[1] ?? 0n)).to.equal(claimable);
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
