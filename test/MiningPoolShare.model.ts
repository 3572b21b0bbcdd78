/**
 * Model test of MiningPoolShare (INV-1…INV-7).
 *
 * fast-check generates sequences of mints, transfers (self, zero, one wei, full balance), deposits (WBTC 8 decimals and
 * USDC 6 decimals, both sources, 1-unit to 1e24-unit odd amounts, fresh, gapped and repeated epochs), claims, claimTo,
 * claimAll and claims while paused. Each sequence runs against a freshly loaded fixture whose backing is just below
 * 2^128 share units, and after every step the chain is compared with two BigInt models:
 *
 * - the reference model: exactly the arithmetic documented in the contract's @dev (revenue per share magnified by
 *   2^128 modulo 2^256, per-holder corrections, carry of the rounding remainder): every claimable, balance and total
 *   must match it to the unit;
 * - the rational model: each holder's exact pro-rata entitlement X = Σ D·balance/supply − claimed, as a fraction.
 *   Every claimable lies in (X − 1 − down, X + up], where up/down bound the carried remainders (see TokenLedger):
 *   up = 0 for a holder whose share of the supply never rose between deposits, so such a holder never gets more
 *   than exact pro rata.
 *
 * Defaults: 30 runs of ≤ 25 steps, fixed seed (printed), 45 s budget. With CI set: 200 runs of ≤ 50 steps, 270 s.
 * Override: FC_SEED=<int> FC_RUNS=<n> FC_STEPS=<n> FC_TIME_LIMIT_MS=<ms>; FC_EXAMPLES=1 prints carry releases.
 * A failure prints the shrunk counterexample (the action list), the seed and the replay path.
 */
import { expect } from "chai";
import fc from "fast-check";
import { network } from "hardhat";
import type { ContractTransactionResponse } from "ethers";

import type { HashrateOracle, MiningPoolShare, MockERC20, PoolLens } from "../typechain-types/index.js";

const { ethers, networkHelpers } = await network.create();

// ---------------------------------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------------------------------

const CI = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false";
const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : 0x48415348;
const NUM_RUNS = process.env.FC_RUNS !== undefined ? Number(process.env.FC_RUNS) : CI ? 200 : 30;
const MAX_STEPS = process.env.FC_STEPS !== undefined ? Number(process.env.FC_STEPS) : CI ? 50 : 25;
/** Wall-clock budget of the property, shrinking included: past it, fast-check stops and reports what it has. */
const TIME_LIMIT_MS =
  process.env.FC_TIME_LIMIT_MS !== undefined ? Number(process.env.FC_TIME_LIMIT_MS) : CI ? 270_000 : 45_000;

const HOLDERS = 8; // accounts that may hold shares; one more signer is an outsider that only receives claimTo
const SHARES_PER_THS = 10n ** 18n;
// Backing just below 2^128 share units (3.4e20 shares): large enough that carried remainders show at the unit.
const HASHRATE_THS = ((1n << 128n) - 1n) / SHARES_PER_THS;
const BACKING = HASHRATE_THS * SHARES_PER_THS;
const MAX_REPORT_AGE = 10n * 365n * 24n * 3600n;
const SOURCES = 2;

const MAGNITUDE = 1n << 128n;
const MOD = 1n << 256n;
const mod256 = (x: bigint): bigint => ((x % MOD) + MOD) % MOD;

// ---------------------------------------------------------------------------------------------------------------------
// Rational arithmetic (exact pro rata)
// ---------------------------------------------------------------------------------------------------------------------

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** An exact fraction n/d with d > 0, kept reduced. */
class Fraction {
  readonly n: bigint;
  readonly d: bigint;

  constructor(n: bigint, d: bigint = 1n) {
    if (d <= 0n) throw new Error("Fraction: non-positive denominator");
    const g = gcd(n, d);
    this.n = g > 1n ? n / g : n;
    this.d = g > 1n ? d / g : d;
  }

  add(o: Fraction): Fraction {
    return new Fraction(this.n * o.d + o.n * this.d, this.d * o.d);
  }

  sub(o: Fraction): Fraction {
    return new Fraction(this.n * o.d - o.n * this.d, this.d * o.d);
  }

  /** this ≤ o */
  le(o: Fraction): boolean {
    return this.n * o.d <= o.n * this.d;
  }

  /** this < o */
  lt(o: Fraction): boolean {
    return this.n * o.d < o.n * this.d;
  }

  toString(): string {
    const whole = this.n / this.d;
    const rest = this.n - whole * this.d;
    return rest === 0n ? `${whole}` : `${whole} + ${rest}/${this.d}`;
  }
}

const ZERO = new Fraction(0n);
const ONE = new Fraction(1n);

// ---------------------------------------------------------------------------------------------------------------------
// Models
// ---------------------------------------------------------------------------------------------------------------------

/** One payout token's ledger, exactly as MiningPoolShare documents it. */
interface TokenLedger {
  rps: bigint; // magnified by 2^128, modulo 2^256
  carry: bigint;
  deposited: bigint;
  claimed: bigint;
  bySource: bigint[];
  corrections: bigint[]; // per account, modulo 2^256
  /** Rational model: exact entitlement still owed to each account. */
  entitled: Fraction[];
  /**
   * Carry bounds, in base units. With c_k < S_k the carry after deposit k and w_k = balance/supply at deposit k, an
   * account's magnified owed amount minus its exact one is Σ_k c_k·(w_{k+1} − w_k) − w_n·c_n (c_0 = 0). So the
   * reference may exceed the exact entitlement by at most `up` = Σ_{Δw>0} S_k·Δw / 2^128 and fall short by at most
   * `down` = Σ_{Δw<0} S_k·|Δw| / 2^128 + balance_n / 2^128 (then one more unit for the final floor).
   */
  up: Fraction[];
  down: Fraction[];
  balanceAtDeposit: bigint[];
  supplyAtDeposit: bigint; // 0 before the first deposit
  funded: Set<string>; // `${source}:${epoch}`
  lastEpoch: bigint[]; // per source
}

class Model {
  supply = 0n;
  readonly balances: bigint[];
  readonly everHeld: boolean[];
  readonly ledgers: TokenLedger[];

  constructor(accounts: number, tokens: number) {
    this.balances = Array.from({ length: accounts }, () => 0n);
    this.everHeld = Array.from({ length: accounts }, () => false);
    this.ledgers = Array.from({ length: tokens }, () => ({
      rps: 0n,
      carry: 0n,
      deposited: 0n,
      claimed: 0n,
      bySource: Array.from({ length: SOURCES }, () => 0n),
      corrections: Array.from({ length: accounts }, () => 0n),
      entitled: Array.from({ length: accounts }, () => ZERO),
      up: Array.from({ length: accounts }, () => ZERO),
      down: Array.from({ length: accounts }, () => ZERO),
      balanceAtDeposit: Array.from({ length: accounts }, () => 0n),
      supplyAtDeposit: 0n,
      funded: new Set<string>(),
      lastEpoch: Array.from({ length: SOURCES }, () => 0n),
    }));
  }

  get mintable(): bigint {
    return BACKING > this.supply ? BACKING - this.supply : 0n;
  }

  /** The contract's `_update` hook (after the balance change). `from`/`to` = -1 for the zero address. */
  private update(from: number, to: number, value: bigint): void {
    if (from === to || value === 0n) return;
    for (const ledger of this.ledgers) {
      if (ledger.rps === 0n) continue;
      const moved = mod256(ledger.rps * value);
      if (from >= 0) ledger.corrections[from] = mod256(ledger.corrections[from] + moved);
      if (to >= 0) ledger.corrections[to] = mod256(ledger.corrections[to] - moved);
    }
  }

  mint(to: number, value: bigint): void {
    this.supply += value;
    this.balances[to] += value;
    if (value > 0n) this.everHeld[to] = true;
    this.update(-1, to, value);
  }

  transfer(from: number, to: number, value: bigint): void {
    this.balances[from] -= value;
    this.balances[to] += value;
    if (value > 0n) this.everHeld[to] = true;
    this.update(from, to, value);
  }

  deposit(token: number, source: number, epoch: bigint, received: bigint): void {
    const ledger = this.ledgers[token];
    const supply = this.supply;
    ledger.funded.add(`${source}:${epoch}`);
    if (epoch > ledger.lastEpoch[source]) ledger.lastEpoch[source] = epoch;
    ledger.deposited += received;
    ledger.bySource[source] += received;
    // Reference model: the documented arithmetic, carry < supply always (shares are never burned).
    const total = received * MAGNITUDE + ledger.carry;
    ledger.rps = mod256(ledger.rps + total / supply);
    ledger.carry = total % supply;
    // Rational model and the carry bounds.
    for (let a = 0; a < this.balances.length; ++a) {
      const balance = this.balances[a];
      if (balance > 0n) ledger.entitled[a] = ledger.entitled[a].add(new Fraction(received * balance, supply));
      if (ledger.supplyAtDeposit > 0n) {
        // S_{k} · (w_{k+1} − w_k) = (S_k · balance − balance_k · S_{k+1}) / S_{k+1}
        const term = ledger.supplyAtDeposit * balance - ledger.balanceAtDeposit[a] * supply;
        if (term > 0n) ledger.up[a] = ledger.up[a].add(new Fraction(term, supply * MAGNITUDE));
        if (term < 0n) ledger.down[a] = ledger.down[a].add(new Fraction(-term, supply * MAGNITUDE));
      }
      ledger.balanceAtDeposit[a] = balance;
    }
    ledger.supplyAtDeposit = supply;
  }

  /** Carry of `token` before its next deposit is below this (the supply at its last deposit; 0 before any). */
  carryBound(token: number): bigint {
    return this.ledgers[token].supplyAtDeposit;
  }

  claimable(account: number, token: number): bigint {
    const ledger = this.ledgers[token];
    return mod256(ledger.rps * this.balances[account] + ledger.corrections[account]) / MAGNITUDE;
  }

  claim(account: number, token: number): bigint {
    const amount = this.claimable(account, token);
    if (amount === 0n) return 0n;
    const ledger = this.ledgers[token];
    ledger.corrections[account] = mod256(ledger.corrections[account] - amount * MAGNITUDE);
    ledger.claimed += amount;
    ledger.entitled[account] = ledger.entitled[account].sub(new Fraction(amount));
    return amount;
  }

  get everHolders(): bigint {
    return BigInt(this.everHeld.filter(Boolean).length);
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------------------------------

type MintSize = "one" | "some" | "all" | "over";
type TransferSize = "full" | "one" | "zero" | "some";
type EpochChoice = "next" | "gap" | "repeat";

type Action =
  | { kind: "mint"; to: number; size: MintSize; raw: bigint }
  | { kind: "transfer"; from: number; to: number; size: TransferSize; raw: bigint }
  | { kind: "deposit"; token: number; source: number; amount: bigint; epoch: EpochChoice }
  | { kind: "claim"; who: number; token: number }
  | { kind: "claimTo"; who: number; token: number; recipient: number }
  | { kind: "claimAll"; who: number }
  | { kind: "pausedClaimAll"; who: number; token: number };

const account = fc.integer({ min: 0, max: HOLDERS - 1 });
const tokenIndex = fc.integer({ min: 0, max: 1 });

/** Share amounts across scales: a few units up to the whole backing. */
const rawShares = fc.oneof(
  fc.bigInt({ min: 1n, max: 1_000n }),
  fc.bigInt({ min: 1n, max: 10n ** 18n }),
  fc.bigInt({ min: 1n, max: 10n ** 24n }),
  fc.bigInt({ min: 1n, max: 1n << 128n }),
);

/** Deposit amounts in base units: 1 unit, small odd amounts, and large odd amounts up to 1e24. */
const depositAmount = fc.oneof(
  { weight: 2, arbitrary: fc.constant(1n) },
  { weight: 3, arbitrary: fc.bigInt({ min: 1n, max: 10_000n }).map((x) => x | 1n) },
  { weight: 3, arbitrary: fc.bigInt({ min: 1n, max: 10n ** 12n }).map((x) => x | 1n) },
  { weight: 2, arbitrary: fc.bigInt({ min: 1n, max: 10n ** 24n }) },
);

const mintArb = (sizes: MintSize[]) =>
  fc.record({ kind: fc.constant("mint" as const), to: account, size: fc.constantFrom(...sizes), raw: rawShares });

const depositArb = fc.record({
  kind: fc.constant("deposit" as const),
  token: tokenIndex,
  source: fc.integer({ min: 0, max: SOURCES - 1 }),
  amount: depositAmount,
  epoch: fc.constantFrom<EpochChoice>("next", "next", "gap", "repeat"),
});

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: mintArb(["one", "some", "some", "some", "all", "over"]) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("transfer" as const),
      from: account,
      to: account,
      size: fc.constantFrom<TransferSize>("full", "one", "zero", "some", "some"),
      raw: rawShares,
    }),
  },
  { weight: 8, arbitrary: depositArb },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("claim" as const), who: account, token: tokenIndex }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("claimTo" as const),
      who: account,
      token: tokenIndex,
      recipient: fc.integer({ min: 0, max: HOLDERS }), // HOLDERS = the outsider
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("claimAll" as const), who: account }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("pausedClaimAll" as const), who: account, token: tokenIndex }),
  },
);

/**
 * A sequence: sometimes a deposit before any share exists (must revert NoSharesOutstanding), then a first mint (so
 * that most deposits find holders), then random actions.
 */
const sequenceArb = (maxSteps: number): fc.Arbitrary<Action[]> =>
  fc
    .tuple(
      fc.option(depositArb, { freq: 4, nil: undefined }),
      mintArb(["one", "some", "some", "all"]),
      fc.array(actionArb, { minLength: Math.min(3, maxSteps), maxLength: Math.max(0, maxSteps - 2), size: "max" }),
    )
    .map(([early, first, rest]) => (early === undefined ? [first, ...rest] : [early, first, ...rest]));

// ---------------------------------------------------------------------------------------------------------------------
// Fixture
// ---------------------------------------------------------------------------------------------------------------------

async function deployModelFixture() {
  const signers = await ethers.getSigners();
  const [admin] = signers;
  const holders = signers.slice(1, 1 + HOLDERS);
  const outsider = signers[1 + HOLDERS];

  const oracle: HashrateOracle = await ethers.deployContract("HashrateOracle", [admin.address, 1]);
  const wbtc: MockERC20 = await ethers.deployContract("MockERC20", ["Wrapped BTC", "WBTC", 8]);
  const usdc: MockERC20 = await ethers.deployContract("MockERC20", ["USD Coin", "USDC", 6]);
  const pool: MiningPoolShare = await ethers.deployContract("MiningPoolShare", [
    "Pool Share",
    "PS",
    admin.address,
    await oracle.getAddress(),
    SHARES_PER_THS,
    MAX_REPORT_AGE,
    [await wbtc.getAddress(), await usdc.getAddress()],
  ]);
  const lens: PoolLens = await ethers.deployContract("PoolLens");

  await oracle.grantRole(await oracle.REPORTER_ROLE(), admin.address);
  await oracle.reportHashrate(await pool.getAddress(), await oracle.currentEpoch(), HASHRATE_THS);
  for (const role of [await pool.MINTER_ROLE(), await pool.DISTRIBUTOR_ROLE(), await pool.PAUSER_ROLE()]) {
    await pool.grantRole(role, admin.address);
  }
  for (const token of [wbtc, usdc]) {
    await token.mint(admin.address, 1n << 127n);
    await token.approve(await pool.getAddress(), ethers.MaxUint256);
  }
  return { admin, holders, outsider, oracle, pool, lens, tokens: [wbtc, usdc] };
}

type Fixture = Awaited<ReturnType<typeof deployModelFixture>>;

// ---------------------------------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------------------------------

interface Observations {
  steps: number;
  aboveExact: number; // claimable > exact entitlement (possible only with up > 0, see TokenLedger)
  oneOrMoreBelowExact: number; // claimable ≤ exact − 1
  moreThanOneBelowExact: number; // claimable < exact − 1 (a carried remainder worth close to a unit)
  risePlusTwo: number; // a deposit raised a claimable by ⌊D·b/S⌋ + 2 (carried remainder)
  wrappedProducts: number; // checks where some rps · balance wrapped past 2^256 (the modular path)
}

const observed: Observations = {
  steps: 0,
  aboveExact: 0,
  oneOrMoreBelowExact: 0,
  moreThanOneBelowExact: 0,
  risePlusTwo: 0,
  wrappedProducts: 0,
};

async function claimedAmounts(f: Fixture, tx: ContractTransactionResponse): Promise<Map<string, bigint>> {
  const receipt = await tx.wait();
  const amounts = new Map<string, bigint>();
  for (const log of receipt?.logs ?? []) {
    const parsed = f.pool.interface.parseLog(log);
    if (parsed?.name === "RevenueClaimed") {
      const key = `${parsed.args.token as string}>${parsed.args.recipient as string}`;
      amounts.set(key, (amounts.get(key) ?? 0n) + (parsed.args.amount as bigint));
    }
  }
  return amounts;
}

async function applyAction(f: Fixture, model: Model, action: Action): Promise<void> {
  const holder = (i: number) => f.holders[i];
  switch (action.kind) {
    case "pausedClaimAll": {
      // INV-7: while paused, mint, deposit and transfers stop, and claims still work.
      const who = holder(action.who);
      // A new pause starts PAUSE_COOLDOWN after the last one ended (the report stays fresh for years).
      const pausedUntil = await f.pool.pausedUntil();
      const availableAt = pausedUntil + (await f.pool.PAUSE_COOLDOWN());
      if (pausedUntil !== 0n && BigInt(await networkHelpers.time.latest()) < availableAt) {
        await networkHelpers.time.increaseTo(availableAt);
      }
      await (await f.pool.pause()).wait();
      await expect(
        f.pool.connect(who).transfer(holder((action.who + 1) % HOLDERS).address, 0n),
      ).to.be.revertedWithCustomError(f.pool, "EnforcedPause");
      await expect(f.pool.depositRevenue(f.tokens[action.token], 1n, 0, 1n << 60n)).to.be.revertedWithCustomError(
        f.pool,
        "EnforcedPause",
      );
      if (model.mintable > 0n) {
        await expect(f.pool.mint(who.address, 1n)).to.be.revertedWithCustomError(f.pool, "EnforcedPause");
      }
      const paid = await claimedAmounts(f, await f.pool.connect(who).claimAll());
      for (let t = 0; t < f.tokens.length; ++t) {
        const expected = model.claim(action.who, t);
        const key = `${await f.tokens[t].getAddress()}>${who.address}`;
        expect(paid.get(key) ?? 0n, `INV-7 claimAll while paused, token ${t}`).to.equal(expected);
      }
      await (await f.pool.unpause()).wait();
      return;
    }
    case "mint": {
      const available = model.mintable;
      const to = holder(action.to).address;
      // With nothing left to mint, any size asks for 1 unit, which must revert.
      let shares: bigint;
      if (action.size === "over") shares = available + 1n + (action.raw % 1_000n);
      else if (available === 0n) shares = 1n;
      else if (action.size === "one") shares = 1n;
      else if (action.size === "all") shares = available;
      else shares = ((action.raw - 1n) % available) + 1n;

      if (shares > available) {
        // INV-1: never beyond the reported hashrate.
        await expect(f.pool.mint(to, shares))
          .to.be.revertedWithCustomError(f.pool, "ExceedsHashrateBacking")
          .withArgs(shares, available);
      } else {
        await (await f.pool.mint(to, shares)).wait();
        model.mint(action.to, shares);
      }
      return;
    }
    case "transfer": {
      const balance = model.balances[action.from];
      let value: bigint;
      if (action.size === "full") value = balance;
      else if (action.size === "one") value = balance > 0n ? 1n : 0n;
      else if (action.size === "zero") value = 0n;
      else value = action.raw % (balance + 1n);
      await (await f.pool.connect(holder(action.from)).transfer(holder(action.to).address, value)).wait();
      model.transfer(action.from, action.to, value);
      return;
    }
    case "deposit": {
      const ledger = model.ledgers[action.token];
      const before = model.balances.map((_, a) => model.claimable(a, action.token));
      const carryBound = model.carryBound(action.token);
      const token = f.tokens[action.token];
      const last = ledger.lastEpoch[action.source];
      const funded = ledger.funded.size > 0 && ledger.funded.has(`${action.source}:${last}`);
      const epoch =
        action.epoch === "repeat" && funded
          ? last
          : action.epoch === "gap"
            ? last + 1n + (action.amount % 97n)
            : last + 1n;
      const call = () => f.pool.depositRevenue(token, action.amount, action.source, epoch);
      if (ledger.funded.has(`${action.source}:${epoch}`)) {
        // INV-6: an epoch is funded once.
        await expect(call())
          .to.be.revertedWithCustomError(f.pool, "EpochAlreadyFunded")
          .withArgs(await token.getAddress(), action.source, epoch);
      } else if (model.supply === 0n) {
        await expect(call()).to.be.revertedWithCustomError(f.pool, "NoSharesOutstanding");
      } else {
        await expect(call())
          .to.emit(f.pool, "RevenueDeposited")
          .withArgs(await token.getAddress(), action.source, epoch, action.amount);
        const supply = model.supply;
        model.deposit(action.token, action.source, epoch, action.amount);
        // INV-4 over this one deposit D: each holder's claimable rises by ⌊D·balance/supply⌋ give or take one unit,
        // plus at most the share of the carried remainder this holder receives (balance · carry / supply / 2^128,
        // below one unit; it only shows when the supply is above ~2^64). Checked on the chain (the next snapshot
        // equals the model exactly).
        for (let a = 0; a < HOLDERS; ++a) {
          const balance = model.balances[a];
          const rise = model.claimable(a, action.token) - before[a];
          const low = (action.amount * balance) / supply;
          const high = (action.amount * balance * MAGNITUDE + balance * carryBound) / (supply * MAGNITUDE);
          expect(
            rise >= low - 1n && rise <= high + 1n,
            `INV-4: holder ${a} rose by ${rise} over a deposit of ${action.amount} (⌊D·b/S⌋ = ${low})`,
          ).to.equal(true);
          if (rise > low + 1n) {
            observed.risePlusTwo += 1;
            if (process.env.FC_EXAMPLES !== undefined) {
              console.log(
                `      rise ⌊D·b/S⌋+2: D=${action.amount} b=${balance} S=${supply} before=${before[a]} rise=${rise} carryBound=${carryBound}`,
              );
            }
          }
        }
      }
      return;
    }
    case "claim":
    case "claimTo": {
      const recipient =
        action.kind === "claimTo"
          ? action.recipient === HOLDERS
            ? f.outsider
            : holder(action.recipient)
          : holder(action.who);
      const token = f.tokens[action.token];
      const pool = f.pool.connect(holder(action.who));
      const tx = action.kind === "claimTo" ? await pool.claimTo(token, recipient.address) : await pool.claim(token);
      const paid = await claimedAmounts(f, tx);
      const expected = model.claim(action.who, action.token);
      const key = `${await token.getAddress()}>${recipient.address}`;
      expect(paid.get(key) ?? 0n, `INV-6 ${action.kind} paid`).to.equal(expected);
      expect(paid.size, "one RevenueClaimed at most").to.equal(expected > 0n ? 1 : 0);
      return;
    }
    case "claimAll": {
      const tx = await f.pool.connect(holder(action.who)).claimAll();
      const paid = await claimedAmounts(f, tx);
      for (let t = 0; t < f.tokens.length; ++t) {
        const expected = model.claim(action.who, t);
        const key = `${await f.tokens[t].getAddress()}>${holder(action.who).address}`;
        expect(paid.get(key) ?? 0n, `claimAll paid token ${t}`).to.equal(expected);
      }
      return;
    }
  }
}

async function checkInvariants(
  f: Fixture,
  model: Model,
  accounts: string[],
  step: number,
  action: Action,
  previous: bigint[][] | undefined,
): Promise<bigint[][]> {
  const where = `step ${step} (${fc.stringify(action)})`;
  const [supply, shareBalances, tokens] = await f.lens.snapshot(f.pool, accounts);
  expect(supply, `${where}: totalSupply`).to.equal(model.supply);
  for (let a = 0; a < HOLDERS; ++a) {
    expect(shareBalances[a], `${where}: balance of holder ${a}`).to.equal(model.balances[a]);
  }
  expect(shareBalances[HOLDERS], `${where}: the outsider never holds shares`).to.equal(0n);

  const claimables: bigint[][] = [];
  for (let t = 0; t < tokens.length; ++t) {
    const state = tokens[t];
    const ledger = model.ledgers[t];
    const chain = state.claimables.map((c) => c);
    claimables.push(chain);
    if (model.balances.some((b) => ledger.rps * b >= MOD)) observed.wrappedProducts += 1;

    // Reference model, exact to the unit.
    for (let a = 0; a < HOLDERS; ++a) {
      expect(chain[a], `${where}: claimable(holder ${a}, token ${t}) vs reference model`).to.equal(
        model.claimable(a, t),
      );
    }
    expect(chain[HOLDERS], `${where}: the outsider has nothing to claim`).to.equal(0n);
    expect(state.totalDeposited, `${where}: totalDeposited(token ${t})`).to.equal(ledger.deposited);
    expect(state.totalClaimed, `${where}: totalClaimed(token ${t})`).to.equal(ledger.claimed);
    expect(state.miningRevenue, `${where}: revenueBySource(token ${t}, 0)`).to.equal(ledger.bySource[0]);
    expect(state.aiRevenue, `${where}: revenueBySource(token ${t}, 1)`).to.equal(ledger.bySource[1]);

    // INV-3: balance = deposited − claimed, exactly (no donations here).
    const outstanding = ledger.deposited - ledger.claimed;
    expect(state.poolBalance, `${where}: INV-3 pool balance of token ${t}`).to.equal(outstanding);
    // INV-2: solvency.
    const sum = chain.reduce((s, c) => s + c, 0n);
    expect(sum <= state.poolBalance, `${where}: INV-2 Σ claimable ${sum} ≤ balance ${state.poolBalance}`).to.equal(
      true,
    );
    // INV-3: the rounding gap lies in [0, ever-holders].
    const gap = outstanding - sum;
    expect(
      gap >= 0n && gap <= model.everHolders,
      `${where}: INV-3 gap ${gap} within [0, ${model.everHolders}] for token ${t}`,
    ).to.equal(true);

    // INV-4 against the exact rational entitlement X: X − 1 − down < claimable ≤ X + up (see TokenLedger). So an
    // account whose share of the supply never rose between two deposits (up = 0) never gets more than exact pro
    // rata; one whose share rose may receive a part of the remainders carried from earlier deposits.
    for (let a = 0; a < HOLDERS; ++a) {
      const exact = ledger.entitled[a];
      const got = new Fraction(chain[a]);
      const tail = new Fraction(ledger.balanceAtDeposit[a], MAGNITUDE);
      expect(
        got.le(exact.add(ledger.up[a])),
        `${where}: INV-4 claimable(holder ${a}, token ${t}) = ${chain[a]} above exact ${exact} + carry bound ${ledger.up[a]}`,
      ).to.equal(true);
      expect(
        exact.sub(ONE).sub(ledger.down[a]).sub(tail).lt(got),
        `${where}: INV-4 claimable(holder ${a}, token ${t}) = ${chain[a]} more than 1 below exact ${exact}`,
      ).to.equal(true);
      if (exact.lt(got)) observed.aboveExact += 1;
      if (got.le(exact.sub(ONE))) observed.oneOrMoreBelowExact += 1;
      if (got.lt(exact.sub(ONE))) observed.moreThanOneBelowExact += 1;
    }

    // INV-5: transfers, self-transfers and mints leave every claimable unchanged.
    if (previous !== undefined && (action.kind === "transfer" || action.kind === "mint")) {
      for (let a = 0; a <= HOLDERS; ++a) {
        expect(chain[a], `${where}: INV-5 claimable(account ${a}, token ${t}) unchanged`).to.equal(previous[t][a]);
      }
    }
  }
  observed.steps += 1;
  return claimables;
}

async function runSequence(actions: Action[]): Promise<void> {
  const f = await networkHelpers.loadFixture(deployModelFixture);
  const model = new Model(HOLDERS, f.tokens.length);
  const accounts = [...f.holders.map((h) => h.address), f.outsider.address];
  let previous: bigint[][] | undefined;
  for (let i = 0; i < actions.length; ++i) {
    await applyAction(f, model, actions[i]);
    previous = await checkInvariants(f, model, accounts, i, actions[i], previous);
  }
}

describe("MiningPoolShare (model)", function () {
  it("INV-1…7: random mints, transfers, deposits, claims and paused claims match the BigInt reference model to the unit", async function () {
    this.timeout(TIME_LIMIT_MS + 30_000);
    console.log(
      `      fast-check seed=${SEED} numRuns=${NUM_RUNS} maxSteps=${MAX_STEPS} (override with FC_SEED / FC_RUNS / FC_STEPS)`,
    );
    const started = Date.now();
    await fc.assert(fc.asyncProperty(sequenceArb(MAX_STEPS), runSequence), {
      numRuns: NUM_RUNS,
      seed: SEED,
      // Fewer runs than asked (a slow machine) or a shrink cut short both fail, with the counterexample so far.
      plugins: [fc.interruptAfterTimeLimit(TIME_LIMIT_MS, { failOnInterrupt: true })],
    });
    console.log(
      `      ${observed.steps} checked states in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
        `claimable above exact pro rata: ${observed.aboveExact}, ≥ 1 below: ${observed.oneOrMoreBelowExact} ` +
        `(> 1 below: ${observed.moreThanOneBelowExact}), ` +
        `deposit rises of ⌊D·b/S⌋+2: ${observed.risePlusTwo}, ` +
        `wrapped rps·balance: ${observed.wrappedProducts}`,
    );
  });
});
