/**
 * An exact off-chain mirror of a `MiningPoolShare`'s books: share balances and supply, and for each payout token
 * the magnified revenue per share, the rounding carry, every holder's correction and the deposited / claimed
 * totals — the same integer arithmetic as the contract (`depositIncrement` is the contract's deposit step).
 *
 * The simulator (src/sim) plans every day against this mirror, without reading the chain (so a run can be replayed and
 * resumed deterministically), and at the end checks the chain against it, account by account. Pure: no chain
 * access.
 */
import { depositIncrement, MAGNITUDE } from "./accounting.js";

interface TokenBook {
  revenuePerShare: bigint;
  carry: bigint;
  totalDeposited: bigint;
  totalClaimed: bigint;
  /** by source: [mining, ai] */
  bySource: [bigint, bigint];
}

interface AccountBook {
  balance: bigint;
  /** magnified corrections, one per payout token (unbounded integers: the contract's are the same modulo 2^256) */
  corrections: [bigint, bigint];
  /** claimed so far, per payout token */
  claimed: [bigint, bigint];
}

/** What one account holds and is owed, per payout token in `PAYOUT_TOKENS` order. */
export interface AccountView {
  balance: bigint;
  claimed: readonly [bigint, bigint];
  claimable: readonly [bigint, bigint];
}

/** The pool's totals for one payout token. */
export interface TokenTotalsView {
  totalDeposited: bigint;
  totalClaimed: bigint;
  /** [mining, ai] */
  bySource: readonly [bigint, bigint];
}

const newTokenBook = (): TokenBook => ({
  revenuePerShare: 0n,
  carry: 0n,
  totalDeposited: 0n,
  totalClaimed: 0n,
  bySource: [0n, 0n],
});

/** The mirror. Accounts are keyed by checksummed address. */
export class ShadowPool {
  #supply = 0n;
  readonly #accounts = new Map<string, AccountBook>();
  readonly #tokens: [TokenBook, TokenBook] = [newTokenBook(), newTokenBook()];

  get supply(): bigint {
    return this.#supply;
  }

  #account(address: string): AccountBook {
    let book = this.#accounts.get(address);
    if (book === undefined) {
      book = { balance: 0n, corrections: [0n, 0n], claimed: [0n, 0n] };
      this.#accounts.set(address, book);
    }
    return book;
  }

  balanceOf(address: string): bigint {
    return this.#accounts.get(address)?.balance ?? 0n;
  }

  /** `claimable(account, token)`: ⌊(rps · balance + correction) / 2^128⌋. */
  claimable(address: string, token: 0 | 1): bigint {
    const book = this.#accounts.get(address);
    if (book === undefined) return 0n;
    return (this.#tokens[token].revenuePerShare * book.balance + book.corrections[token]) / MAGNITUDE;
  }

  /** `_mint(to, shares)` through `_update`: the newcomer's correction cancels the revenue already per share. */
  mint(to: string, shares: bigint): void {
    if (shares <= 0n) throw new RangeError("ShadowPool.mint: shares must be positive");
    const book = this.#account(to);
    book.balance += shares;
    this.#supply += shares;
    for (const t of [0, 1] as const) book.corrections[t] -= this.#tokens[t].revenuePerShare * shares;
  }

  /** `transfer(from → to, shares)`: INV-5, nobody's claimable moves. */
  transfer(from: string, to: string, shares: bigint): void {
    const sender = this.#account(from);
    if (shares <= 0n || shares > sender.balance) {
      throw new RangeError(`ShadowPool.transfer: ${from} cannot send ${shares} of ${sender.balance}`);
    }
    if (from === to) return;
    const receiver = this.#account(to);
    sender.balance -= shares;
    receiver.balance += shares;
    for (const t of [0, 1] as const) {
      const moved = this.#tokens[t].revenuePerShare * shares;
      sender.corrections[t] += moved;
      receiver.corrections[t] -= moved;
    }
  }

  /** `depositRevenue(token, amount, source, epoch)` for a plain (non fee-on-transfer) token. */
  deposit(token: 0 | 1, amount: bigint, source: 0 | 1): void {
    if (amount <= 0n) throw new RangeError("ShadowPool.deposit: amount must be positive");
    if (this.#supply === 0n) throw new RangeError("ShadowPool.deposit: no shares outstanding");
    const book = this.#tokens[token];
    const { increment, carry } = depositIncrement(amount, this.#supply, book.carry);
    book.revenuePerShare += increment;
    book.carry = carry;
    book.totalDeposited += amount;
    book.bySource[source] += amount;
  }

  /** `claim(token)` by `account`; returns what it pays (0 pays nothing). */
  claim(address: string, token: 0 | 1): bigint {
    const amount = this.claimable(address, token);
    if (amount === 0n) return 0n;
    const book = this.#account(address);
    book.corrections[token] -= amount * MAGNITUDE;
    book.claimed[token] += amount;
    this.#tokens[token].totalClaimed += amount;
    return amount;
  }

  account(address: string): AccountView {
    const book = this.#accounts.get(address);
    return {
      balance: book?.balance ?? 0n,
      claimed: book === undefined ? [0n, 0n] : [book.claimed[0], book.claimed[1]],
      claimable: [this.claimable(address, 0), this.claimable(address, 1)],
    };
  }

  totals(token: 0 | 1): TokenTotalsView {
    const book = this.#tokens[token];
    return {
      totalDeposited: book.totalDeposited,
      totalClaimed: book.totalClaimed,
      bySource: [book.bySource[0], book.bySource[1]],
    };
  }

  /** Every account that ever held shares or claimed, in first-seen order. */
  accounts(): string[] {
    return [...this.#accounts.keys()];
  }
}
