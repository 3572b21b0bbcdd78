// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {HandlerBase, TOKENS} from "./HandlerBase.sol";

/// @title ProRata
/// @notice INV-4 over one deposit, with the pool's carried remainder replayed from the spec ("carried into the next
/// deposit, never lost") and the pool's documented arithmetic: a deposit D against supply S splits
/// N = D·2^128 + carry into ⌊N/S⌋ per share unit and carries N mod S, which stays below S (worth < 1 base unit).
abstract contract ProRata is HandlerBase {
    /// @notice Per payout token, the remainder (in 2^-128 base units) the pool carries into the next deposit.
    uint256[TOKENS] public ghostCarry;
    /// @notice How many times a deposit raised a holder's claimable by ⌊D·balance/supply⌋ + 2: the carried remainder
    /// released to it (allowed, see `_checkProRata`). A statistic, not a violation.
    uint256 public carryLifts;

    /// @dev INV-4 over one deposit D against supply S, with the remainder c (in 2^-128 base units, c < S) carried
    /// in from earlier deposits of the token. Let N = D·2^128 + c, the holder's balance b, and x = D·b/S.
    ///
    /// The pool credits each share unit i = ⌊N/S⌋ (in 2^-128 base units). A holder's owed amount, magnified, is o
    /// (exact modulo 2^256, as the pool documents) and its claimable ⌊o / 2^128⌋, so with f = (o mod 2^128) / 2^128
    /// ∈ [0, 1), the holder's own fraction of a unit still withheld from earlier deposits, the rise is
    ///     rise = ⌊f + i·b/2^128⌋ ∈ {q, q + 1}, q = ⌊i·b/2^128⌋,
    /// and exactly q when i·b is a multiple of 2^128 (e.g. b = 0: shares acquired later earn nothing). This is the
    /// strictest bound that holds: f is not observable, and both values occur. In SPEC terms, with x' = b·N/(S·2^128)
    /// = b·(D + c/2^128)/S the pro-rata share of D plus the carried remainder, i·b/2^128 ∈ (x' − b/2^128, x'] and
    /// b < 2^128 give ⌊x'⌋ − 1 ≤ rise ≤ ⌊x'⌋ + 1; and as x ≤ x' < x + 1 (c < S ≤ 2^128), that is
    ///     ⌊x⌋ − 1 ≤ rise ≤ ⌊x⌋ + 2,
    /// where ⌊x⌋ + 2 needs f + {x} + b·c/(S·2^128) ≥ 2: a holder whose own fraction is near 1 and whose share of D
    /// is just below an integer gets its share of the released carry on top. As f ≤ 1 − 2^-128 and {x} ≤ 1 − 1/S,
    /// that needs c·b ≥ 2^128 + S, so a supply above ~2^64 share units (any pool past 18.4 shares). With the
    /// supplies here (≤ 1e27, so b·c/(S·2^128) < 3e-12) it shows when a remainder carried from deposits the holder
    /// did not share is released to it, e.g. (replayed in `test_INV4_carriedRemainderLiftsARiseToFloorPlusTwo`,
    /// test/fuzz/MiningPoolShare.fuzz.t.sol): S = 1e26, A holds S − 1; a 1-unit deposit leaves A 0 and carries
    /// 0.38·S; A sends everything to H; two more 1-unit deposits raise H from 0 to 0 to 2 while ⌊x⌋ = 0 (the ci
    /// profile found this). The SPEC requires that carry ("rounding remainders are carried into the next deposit of
    /// that token, never lost"), so ± 1 around ⌊x⌋ alone is too strict for it.
    /// Returns the breach, or "" when every rise is within the bounds; moves the ghost carry on.
    function _checkProRata(
        uint256[] memory rises,
        uint256[] memory balances,
        uint8 tokenIndex,
        uint256 amount,
        uint256 supply
    ) internal returns (string memory breach) {
        uint256 carried = ghostCarry[tokenIndex];
        uint256 distributed = amount * MAGNITUDE + carried; // amount ≤ MAX_DEPOSIT < 2^128: no overflow
        ghostCarry[tokenIndex] = distributed % supply;
        uint256 totalRise;
        uint256 holding;
        for (uint256 i = 0; i < balances.length; ++i) {
            if (balances[i] != 0) ++holding;
            breach = _checkRise(rises[i], balances[i], amount, supply, distributed);
            if (bytes(breach).length != 0) return breach;
            totalRise += rises[i];
        }
        // Together, over the n holders with a balance (the others rise by 0): Σ rise = Σ ⌊f + i·b/2^128⌋, and as the
        // ever-holders hold the whole supply, Σ i·b/2^128 = i·S/2^128 = (N − c')/2^128 = D + (c − c')/2^128, with c'
        // the new carry (c, c' < S < 2^128), lies in (D − 1, D + 1). Each floor loses less than one unit and each f
        // adds less than one, so D − n ≤ Σ rise ≤ D + n.
        if (totalRise > amount + holding) return "INV-4: holders credited more than D + n";
        if (totalRise + holding < amount) return "INV-4: holders credited less than D - n";
        return "";
    }

    /// @dev One holder's rise over a deposit of `amount` against `supply`, `distributed` = D·2^128 + carry.
    function _checkRise(
        uint256 rise,
        uint256 balance,
        uint256 amount,
        uint256 supply,
        uint256 distributed
    ) internal returns (string memory) {
        // SPEC level: ⌊x'⌋ ± 1, the pro-rata share of D plus the carried remainder.
        uint256 share = Math.mulDiv(distributed, balance, supply * MAGNITUDE);
        if (rise + 1 < share || rise > share + 1) return "INV-4: rise is not pro rata (D plus carried remainder) +-1";
        // Exact: q or q + 1, only q when the holder's credit is a whole number of units.
        uint256 perShare = distributed / supply;
        uint256 least = Math.mulDiv(perShare, balance, MAGNITUDE);
        uint256 most = mulmod(perShare, balance, MAGNITUDE) == 0 ? least : least + 1;
        if (rise < least || rise > most)
            return "INV-4: rise is not the per-share credit x balance (rounded down, or up)";
        if (rise > Math.mulDiv(amount, balance, supply) + 1) ++carryLifts;
        return "";
    }
}
