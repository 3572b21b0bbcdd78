import { expect } from "chai";
import fc from "fast-check";

import {
  MAGNITUDE,
  buildHolderLedger,
  depositIncrement,
  splitClaimable,
  type PoolEvent,
} from "../../src/pool/index.js";
import { statementCsv, statementRows } from "../../src/cli/statement.js";

const ZERO = "0x0000000000000000000000000000000000000000";
const ALICE = "0x00000000000000000000000000000000000000a1";
const BOB = "0x00000000000000000000000000000000000000b0";
const WBTC = "0x00000000000000000000000000000000000000e1";
const USDC = "0x00000000000000000000000000000000000000e2";

/** Builds events with increasing positions. */
class History {
  readonly events: PoolEvent[] = [];
  #block = 1;

  #position() {
    const block = this.#block++;
    return { block, logIndex: 0, txHash: `0x${block.toString(16).padStart(64, "0")}` };
  }

  mint(to: string, value: bigint): this {
    this.events.push({ kind: "transfer", ...this.#position(), from: ZERO, to, value });
    return this;
  }

  transfer(from: string, to: string, value: bigint): this {
    this.events.push({ kind: "transfer", ...this.#position(), from, to, value });
    return this;
  }

  deposit(token: string, source: number, epoch: bigint, amount: bigint): this {
    this.events.push({ kind: "deposit", ...this.#position(), token, source, epoch, amount });
    return this;
  }

  claim(account: string, token: string, amount: bigint): this {
    this.events.push({ kind: "claim", ...this.#position(), account, token, recipient: account, amount });
    return this;
  }
}

describe("holder ledger", function () {
  describe("depositIncrement", function () {
    it("conserves every magnified unit: Σ increment · supply + carry = Σ amount · 2^128 (property)", function () {
      fc.assert(
        fc.property(
          fc.bigInt({ min: 1n, max: 10n ** 30n }),
          fc.array(fc.bigInt({ min: 1n, max: 10n ** 24n }), { minLength: 1, maxLength: 20 }),
          (supply, amounts) => {
            let carry = 0n;
            let increments = 0n;
            for (const amount of amounts) {
              const step = depositIncrement(amount, supply, carry);
              expect(step.carry >= 0n && step.carry < supply).to.equal(true);
              increments += step.increment;
              carry = step.carry;
            }
            const total = amounts.reduce((a, b) => a + b, 0n);
            expect(increments * supply + carry).to.equal(total * MAGNITUDE);
          },
        ),
      );
    });

    it("refuses a deposit with no supply", function () {
      expect(() => depositIncrement(1n, 0n, 0n)).to.throw(RangeError);
    });
  });

  describe("buildHolderLedger", function () {
    it("credits each deposit pro rata to the balance at that moment; later shares earn nothing from it", function () {
      const h = new History()
        .mint(ALICE, 1n)
        .mint(BOB, 3n)
        .deposit(WBTC, 0, 1n, 100n)
        .mint(ALICE, 4n)
        .deposit(USDC, 1, 1n, 80n);
      const alice = buildHolderLedger(ALICE, h.events);
      const bob = buildHolderLedger(BOB, h.events);
      expect(alice.accruals.map((a) => a.amount)).to.deep.equal([25n, 50n]);
      expect(bob.accruals.map((a) => a.amount)).to.deep.equal([75n, 30n]);
      expect(alice.balance).to.equal(5n);
      expect(alice.supply).to.equal(8n);
      expect(alice.tokens.get(WBTC)?.accrued).to.deep.equal([25n, 0n]);
      expect(alice.tokens.get(USDC)?.accrued).to.deep.equal([0n, 50n]);
      expect(alice.tokens.get(WBTC)?.claimable).to.equal(25n);
    });

    it("keeps accrued revenue with the sender of a transfer (INV-5)", function () {
      const h = new History()
        .mint(ALICE, 2n)
        .deposit(WBTC, 0, 1n, 10n)
        .transfer(ALICE, BOB, 2n)
        .deposit(WBTC, 0, 2n, 6n);
      expect(buildHolderLedger(ALICE, h.events).tokens.get(WBTC)?.claimable).to.equal(10n);
      expect(buildHolderLedger(BOB, h.events).tokens.get(WBTC)?.claimable).to.equal(6n);
    });

    it("attributes claims to sources oldest accrual first, with the epochs they paid out", function () {
      const h = new History()
        .mint(ALICE, 1n)
        .deposit(WBTC, 0, 1n, 10n)
        .deposit(WBTC, 1, 1n, 5n)
        .deposit(WBTC, 0, 2n, 10n)
        .claim(ALICE, WBTC, 12n)
        .claim(ALICE, WBTC, 13n);
      const ledger = buildHolderLedger(ALICE, h.events);
      expect(ledger.claims[0]!.parts).to.deep.equal([
        { source: 0, amount: 10n, firstEpoch: 1n, lastEpoch: 1n },
        { source: 1, amount: 2n, firstEpoch: 1n, lastEpoch: 1n },
      ]);
      expect(ledger.claims[1]!.parts).to.deep.equal([
        { source: 1, amount: 3n, firstEpoch: 1n, lastEpoch: 1n },
        { source: 0, amount: 10n, firstEpoch: 2n, lastEpoch: 2n },
      ]);
      const totals = ledger.tokens.get(WBTC)!;
      expect(totals.claimed).to.equal(25n);
      expect(totals.claimedBySource).to.deep.equal([20n, 5n]);
      expect(totals.unclaimedBySource).to.deep.equal([0n, 0n]);
      expect(totals.claimable).to.equal(0n);
    });

    it("flags a claim no recorded accrual explains (incomplete history) without going negative", function () {
      const h = new History().mint(ALICE, 1n).claim(ALICE, WBTC, 5n);
      const ledger = buildHolderLedger(ALICE, h.events);
      expect(ledger.claims[0]!.unattributed).to.equal(5n);
      expect(ledger.tokens.get(WBTC)?.claimable).to.equal(0n);
    });

    it("sorts events by block and log index whatever order they come in", function () {
      const h = new History().mint(ALICE, 1n).mint(BOB, 1n).deposit(WBTC, 0, 1n, 10n);
      expect(buildHolderLedger(ALICE, [...h.events].reverse()).tokens.get(WBTC)?.claimable).to.equal(5n);
    });

    it("never credits more than was deposited, nor loses more than one unit per holder per token (INV-3, property)", function () {
      const holders = [ALICE, BOB, "0x00000000000000000000000000000000000000c0"];
      const op = fc.oneof(
        fc.record({
          kind: fc.constant("mint" as const),
          to: fc.integer({ min: 0, max: 2 }),
          value: fc.bigInt({ min: 1n, max: 10n ** 20n }),
        }),
        fc.record({
          kind: fc.constant("transfer" as const),
          from: fc.integer({ min: 0, max: 2 }),
          to: fc.integer({ min: 0, max: 2 }),
          share: fc.integer({ min: 0, max: 100 }),
        }),
        fc.record({
          kind: fc.constant("deposit" as const),
          source: fc.integer({ min: 0, max: 1 }),
          amount: fc.bigInt({ min: 1n, max: 10n ** 12n }),
        }),
      );
      fc.assert(
        fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), (ops) => {
          const h = new History();
          const balances = [0n, 0n, 0n];
          let deposited = 0n;
          let epoch = 0n;
          for (const o of ops) {
            if (o.kind === "mint") {
              h.mint(holders[o.to]!, o.value);
              balances[o.to]! += o.value;
            } else if (o.kind === "transfer") {
              const value = (balances[o.from]! * BigInt(o.share)) / 100n;
              if (value === 0n) continue;
              h.transfer(holders[o.from]!, holders[o.to]!, value);
              balances[o.from]! -= value;
              balances[o.to]! += value;
            } else if (balances.some((b) => b > 0n)) {
              h.deposit(WBTC, o.source, ++epoch, o.amount);
              deposited += o.amount;
            }
          }
          const credited = holders
            .map((holder) => buildHolderLedger(holder, h.events).tokens.get(WBTC))
            .reduce((sum, totals) => sum + (totals === undefined ? 0n : totals.accrued[0] + totals.accrued[1]), 0n);
          expect(credited <= deposited).to.equal(true);
          expect(deposited - credited <= BigInt(holders.length)).to.equal(true);
        }),
        { numRuns: 200 },
      );
    });
  });

  describe("splitClaimable", function () {
    it("returns the FIFO split when it adds up to the contract's claimable", function () {
      expect(splitClaimable(10n, [4n, 6n])).to.deep.equal({ bySource: [4n, 6n], exact: true });
    });

    it("shares the claimable proportionally otherwise", function () {
      expect(splitClaimable(10n, [1n, 3n])).to.deep.equal({ bySource: [2n, 8n], exact: false });
      expect(splitClaimable(3n, [0n, 0n])).to.deep.equal({ bySource: [3n, 0n], exact: false });
    });
  });

  describe("statement", function () {
    it("lists accruals and per-source claim rows in chain order, as CSV", function () {
      const h = new History()
        .mint(ALICE, 1n)
        .deposit(WBTC, 0, 1n, 150_000_000n)
        .deposit(WBTC, 1, 2n, 50_000_000n)
        .claim(ALICE, WBTC, 200_000_000n);
      const ledger = buildHolderLedger(ALICE, h.events);
      const rows = statementRows(ledger, new Map([[WBTC, { symbol: "WBTC", decimals: 8 }]]), new Map([[2, 0n]]));
      expect(rows.map((r) => [r.type, r.epoch, r.source, r.token, r.amount])).to.deep.equal([
        ["accrual", "1", "mining", "WBTC", "1.5"],
        ["accrual", "2", "ai", "WBTC", "0.5"],
        ["claim", "1", "mining", "WBTC", "1.5"],
        ["claim", "2", "ai", "WBTC", "0.5"],
      ]);
      expect(rows[0]!.date).to.equal("1970-01-01T00:00:00Z");
      expect(rows[1]!.date).to.equal("");
      const csv = statementCsv(rows).trimEnd().split("\n");
      expect(csv[0]).to.equal("date,block,type,epoch,source,token,amount,tx_hash");
      expect(csv).to.have.length(5);
      expect(csv[3]).to.equal(`,4,claim,1,mining,WBTC,1.5,${h.events[3]!.txHash}`);
    });
  });
});
