import { expect } from "chai";
import fc from "fast-check";

import { ShadowPool } from "../../src/pool/index.js";

/** A power of two: with such balances the 2^128-magnified arithmetic divides exactly. */
const UNIT = 2n ** 60n;
const A = "0x000000000000000000000000000000000000000A";
const B = "0x000000000000000000000000000000000000000b";
const C = "0x000000000000000000000000000000000000000C";

describe("ShadowPool", function () {
  describe("deposit", function () {
    it("credits holders pro rata and carries the rounding remainder into the next deposit (INV-3, INV-4)", function () {
      const pool = new ShadowPool();
      pool.mint(A, 1n);
      pool.mint(B, 2n); // a supply of 3 base units: 100 does not divide
      pool.deposit(0, 100n, 0);
      expect([pool.claimable(A, 0), pool.claimable(B, 0)]).to.deep.equal([33n, 66n]);
      pool.deposit(0, 2n, 0); // 102 in all: the unit lost to rounding comes back
      expect([pool.claimable(A, 0), pool.claimable(B, 0)]).to.deep.equal([34n, 68n]);
      expect(pool.totals(0)).to.deep.equal({ totalDeposited: 102n, totalClaimed: 0n, bySource: [102n, 0n] });
    });

    it("gives nothing of earlier deposits to shares minted later (INV-4)", function () {
      const pool = new ShadowPool();
      pool.mint(A, UNIT);
      pool.deposit(1, 1_000n, 1);
      pool.mint(B, UNIT);
      expect(pool.claimable(B, 1)).to.equal(0n);
      pool.deposit(1, 1_000n, 1);
      expect([pool.claimable(A, 1), pool.claimable(B, 1)]).to.deep.equal([1_500n, 500n]);
    });

    it("refuses a deposit with no shares outstanding", function () {
      expect(() => new ShadowPool().deposit(0, 1n, 0)).to.throw(RangeError, /no shares/);
    });
  });

  describe("transfer", function () {
    it("leaves every claimable unchanged (INV-5)", function () {
      const pool = new ShadowPool();
      pool.mint(A, 3n * UNIT);
      pool.deposit(0, 999n, 0);
      pool.transfer(A, B, UNIT);
      pool.transfer(A, A, UNIT);
      expect([pool.claimable(A, 0), pool.claimable(B, 0)]).to.deep.equal([999n, 0n]);
      pool.deposit(0, 300n, 0);
      expect([pool.claimable(A, 0), pool.claimable(B, 0)]).to.deep.equal([1_199n, 100n]);
      expect(() => pool.transfer(B, C, 2n * UNIT)).to.throw(RangeError);
    });
  });

  describe("claim", function () {
    it("pays what is claimable once and then nothing (INV-6)", function () {
      const pool = new ShadowPool();
      pool.mint(A, UNIT);
      pool.deposit(0, 77n, 0);
      expect(pool.claim(A, 0)).to.equal(77n);
      expect(pool.claim(A, 0)).to.equal(0n);
      expect(pool.account(A)).to.deep.equal({ balance: UNIT, claimed: [77n, 0n], claimable: [0n, 0n] });
    });
  });

  it("never creates value and loses at most one base unit per account, whatever the sequence (INV-3)", function () {
    const accounts = [A, B, C];
    const op = fc.oneof(
      fc.record({ kind: fc.constant("mint" as const), to: fc.nat(2), shares: fc.bigInt(1n, 10n ** 24n) }),
      fc.record({
        kind: fc.constant("transfer" as const),
        from: fc.nat(2),
        to: fc.nat(2),
        part: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      fc.record({
        kind: fc.constant("deposit" as const),
        token: fc.constantFrom(0 as const, 1 as const),
        amount: fc.bigInt(1n, 10n ** 12n),
      }),
      fc.record({
        kind: fc.constant("claim" as const),
        who: fc.nat(2),
        token: fc.constantFrom(0 as const, 1 as const),
      }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const pool = new ShadowPool();
        for (const o of ops) {
          if (o.kind === "mint") pool.mint(accounts[o.to]!, o.shares);
          if (o.kind === "transfer") {
            const from = accounts[o.from]!;
            const shares = (pool.balanceOf(from) * BigInt(Math.floor(o.part * 1000))) / 1000n;
            if (shares > 0n) pool.transfer(from, accounts[o.to]!, shares);
          }
          if (o.kind === "deposit" && pool.supply > 0n) pool.deposit(o.token, o.amount, o.token);
          if (o.kind === "claim") pool.claim(accounts[o.who]!, o.token);
        }
        for (const token of [0, 1] as const) {
          const { totalDeposited, totalClaimed } = pool.totals(token);
          const owed = accounts.reduce((sum, account) => sum + pool.claimable(account, token), 0n);
          const lost = totalDeposited - totalClaimed - owed;
          expect(lost >= 0n && lost <= BigInt(accounts.length)).to.equal(true, `lost ${lost}`);
        }
      }),
      { numRuns: 200 },
    );
  });
});
