/**
 * The actions of the MiningPoolShare model test (`test/MiningPoolShare.model.ts`) and their fast-check arbitraries.
 *
 * Accounts are indexes: 0 … HOLDERS − 1 are EOAs, CONTRACT (= HOLDERS) is a contract holder that cannot claim by
 * itself (it can only name a claimer through its own code), OUTSIDER never holds shares and only receives payouts
 * or acts as a claimer; NOBODY stands for the zero address.
 */
import fc from "fast-check";

import { SOURCES } from "./poolModel.js";

export const HOLDERS = 8;
export const CONTRACT = HOLDERS;
export const ACCOUNTS = HOLDERS + 1; // accounts that may hold shares
export const OUTSIDER = ACCOUNTS;
export const NOBODY = -1;
/** As a caller of a claim on behalf: whoever the holder's claimer is at that moment. */
export const NAMED = -2;
/** As the holder of a claim on behalf: the account with a claimer and the most shares (else the contract). */
export const WITH_CLAIMER = -3;
/** As the holder naming a claimer: the last account that holds shares at that moment (else the contract). */
export const WITH_SHARES = -4;
/** The token index of a token the pool does not know (only donated and skimmed). */
export const STRAY = 2;

export type MintSize = "one" | "some" | "all" | "over";
export type TransferSize = "full" | "one" | "zero" | "some";
export type EpochChoice = "next" | "gap" | "repeat";

export type Action =
  | { kind: "mint"; to: number; size: MintSize; raw: bigint }
  | { kind: "transfer"; from: number; to: number; size: TransferSize; raw: bigint }
  | { kind: "deposit"; token: number; source: number; amount: bigint; epoch: EpochChoice }
  | { kind: "claim"; who: number; token: number }
  | { kind: "claimTo"; who: number; token: number; recipient: number }
  | { kind: "claimAll"; who: number }
  | { kind: "setClaimer"; who: number; claimer: number }
  | { kind: "setClaimerFor"; holder: number; claimer: number }
  | { kind: "claimOnBehalf"; holder: number; caller: number; token: number; recipient: number; all: boolean }
  | { kind: "donate"; token: number; amount: bigint }
  | { kind: "skim"; token: number; toNobody: boolean }
  | { kind: "pause" }
  | { kind: "unpause" }
  | { kind: "warp"; seconds: bigint };

const eoa = fc.integer({ min: 0, max: HOLDERS - 1 });
const shareHolder = fc.integer({ min: 0, max: ACCOUNTS - 1 });
const anyone = fc.integer({ min: 0, max: OUTSIDER });
const tokenIndex = fc.integer({ min: 0, max: 1 });
const recipient = fc.oneof({ weight: 7, arbitrary: anyone }, { weight: 1, arbitrary: fc.constant(NOBODY) });
const claimer = fc.oneof({ weight: 3, arbitrary: anyone }, { weight: 1, arbitrary: fc.constant(NOBODY) });

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

/** Clock moves in whole hours to days: some within a pause, some past its 7 days, some past the cooldown. */
const HOUR = 3600n;
const warpSeconds = fc.constantFrom(HOUR, 24n * HOUR, 3n * 24n * HOUR, 7n * 24n * HOUR, 8n * 24n * HOUR);

const mintArb = (sizes: MintSize[]) =>
  fc.record({ kind: fc.constant("mint" as const), to: shareHolder, size: fc.constantFrom(...sizes), raw: rawShares });

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
      from: shareHolder,
      to: shareHolder,
      size: fc.constantFrom<TransferSize>("full", "one", "zero", "some", "some"),
      raw: rawShares,
    }),
  },
  { weight: 8, arbitrary: depositArb },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("claim" as const), who: eoa, token: tokenIndex }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("claimTo" as const), who: eoa, token: tokenIndex, recipient }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("claimAll" as const), who: eoa }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("setClaimer" as const),
      who: fc.oneof(
        { weight: 2, arbitrary: fc.constant(WITH_SHARES) },
        { weight: 1, arbitrary: fc.constant(CONTRACT) },
        { weight: 1, arbitrary: shareHolder },
      ),
      claimer,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("setClaimerFor" as const),
      holder: fc.oneof({ weight: 3, arbitrary: fc.constant(CONTRACT) }, { weight: 1, arbitrary: shareHolder }),
      claimer,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("claimOnBehalf" as const),
      holder: fc.oneof({ weight: 2, arbitrary: fc.constant(WITH_CLAIMER) }, { weight: 1, arbitrary: shareHolder }),
      caller: fc.oneof({ weight: 3, arbitrary: fc.constant(NAMED) }, { weight: 1, arbitrary: anyone }),
      token: tokenIndex,
      recipient,
      all: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("donate" as const),
      token: fc.integer({ min: 0, max: STRAY }),
      amount: depositAmount,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("skim" as const),
      token: fc.integer({ min: 0, max: STRAY }),
      toNobody: fc.integer({ min: 0, max: 7 }).map((x) => x === 0),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("pause" as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("unpause" as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("warp" as const), seconds: warpSeconds }) },
);

/** The first holder names a claimer, so that claims on behalf find revenue to pay in most sequences. */
const firstClaimerArb = fc.record({
  kind: fc.constant("setClaimer" as const),
  who: fc.constant(WITH_SHARES),
  claimer: anyone,
});

/**
 * A sequence: sometimes a deposit before any share exists (must revert NoSharesOutstanding), then a first mint (so
 * that most deposits find holders), often a claimer for its holder, then random actions.
 */
export const sequenceArb = (maxSteps: number): fc.Arbitrary<Action[]> =>
  fc
    .tuple(
      fc.option(depositArb, { freq: 4, nil: undefined }),
      mintArb(["one", "some", "some", "all"]),
      fc.option(firstClaimerArb, { freq: 2, nil: undefined }),
      fc.array(actionArb, { minLength: Math.min(3, maxSteps), maxLength: Math.max(0, maxSteps - 3), size: "max" }),
    )
    .map(([early, first, claimerStep, rest]) =>
      [early, first, claimerStep, ...rest].filter((a): a is Action => a !== undefined),
    );
