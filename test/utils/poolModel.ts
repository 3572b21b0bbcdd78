/**
 * The BigInt reference model of MiningPoolShare used by `test/MiningPoolShare.model.ts`: the exact arithmetic the
 * contract documents (revenue per share magnified by 2^128 modulo 2^256, per-holder corrections, carry of the
 * rounding remainder), each holder's exact rational entitlement, and the v2 state around it — claimers (who named
 * them), donations awaiting a skim, and the bounded pause. Pure: no chain access.
 */

export const SOURCES = 2;
export const MAGNITUDE = 1n << 128n;
const MOD = 1n << 256n;
export const mod256 = (x: bigint): bigint => ((x % MOD) + MOD) % MOD;
export const MAX_PAUSE_DURATION = 7n * 24n * 3600n;
export const PAUSE_COOLDOWN = 24n * 3600n;

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
export class Fraction {
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

export const ZERO = new Fraction(0n);
export const ONE = new Fraction(1n);

// ---------------------------------------------------------------------------------------------------------------------
// Models
// ---------------------------------------------------------------------------------------------------------------------

/** One payout token's ledger, exactly as MiningPoolShare documents it. */
export interface TokenLedger {
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

export class Model {
  supply = 0n;
  readonly balances: bigint[];
  readonly everHeld: boolean[];
  readonly ledgers: TokenLedger[];
  /** Per account, the claimer's account index (-1: none) and whether the holder chose it itself. */
  readonly claimerOf: number[];
  readonly choseClaimer: boolean[];
  /** Per token (payout tokens, then one token the pool does not know), sent to the pool outside a deposit. */
  readonly donated: bigint[];
  pausedUntil = 0n;

  constructor(accounts: number, tokens: number) {
    this.claimerOf = Array.from({ length: accounts }, () => -1);
    this.choseClaimer = Array.from({ length: accounts }, () => false);
    this.donated = Array.from({ length: tokens + 1 }, () => 0n);
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

  mintable(backing: bigint): bigint {
    return backing > this.supply ? backing - this.supply : 0n;
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

  paused(now: bigint): boolean {
    return now < this.pausedUntil;
  }

  /** The error `pause()` raises at `now`, or undefined when it starts a pause. */
  pauseRefusal(now: bigint): { name: string; args: bigint[] } | undefined {
    if (now < this.pausedUntil) return { name: "EnforcedPause", args: [] };
    if (this.pausedUntil !== 0n && now < this.pausedUntil + PAUSE_COOLDOWN) {
      return { name: "PauseCooldown", args: [this.pausedUntil + PAUSE_COOLDOWN] };
    }
    return undefined;
  }

  /** What `skim` of token `t` sends: the donations (the whole balance for a token the pool does not know). */
  skim(t: number): bigint {
    const amount = this.donated[t];
    this.donated[t] = 0n;
    return amount;
  }

  get everHolders(): bigint {
    return BigInt(this.everHeld.filter(Boolean).length);
  }
}
