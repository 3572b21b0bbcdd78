// SPDX-License-Identifier: MIT
// Test names follow the invariant IDs (`invariant_INV3_conservation`), not mixedCase.
/* solhint-disable func-name-mixedcase */
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {InvariantBase} from "../InvariantBase.sol";
import {MAX_CHANGE_BPS, PAUSER, TOKENS} from "./HandlerBase.sol";
import {HandlerChecks} from "./HandlerChecks.sol";
import {LedgerChecks} from "./LedgerChecks.sol";
import {OracleChecks} from "./OracleChecks.sol";
import {Rescue} from "./Rescue.sol";

/// @title PoolInvariants
/// @notice INV-1…9, asserted after every handler call. The handler checks each call against its model and records
/// breaches by kind; each invariant asserts its kinds are clean and then checks the state itself. INV-7 and INV-9
/// also act, from the current state, as the worst case would (the changes an invariant function makes are not
/// kept): INV-7 lets the pause run out, takes every role away for good and lets the report go stale, then every
/// holder and every named claimer claims; INV-9 has the admin name a claimer for every contract holder that cannot
/// claim, every holder's revenue leaves, and skims recover exactly the donations.
abstract contract PoolInvariants is InvariantBase, Rescue {
    function _bind(HandlerChecks handler_) internal {
        handler = handler_;
        pool = handler_.poolContract();
        oracle = handler_.oracleContract();
    }

    /// @notice INV-1: every mint that succeeded left totalSupply ≤ reported hashrate × sharesPerTHs, and no mint
    /// succeeded on a stale report, beyond the backing or while paused. Shares are never burned, so the supply is
    /// still the one of the last mint.
    function invariant_INV1_backing() public view {
        _assertClean(handler.K_BACKING());
        _assertClean(handler.K_BEHAVIOUR());
        assertLe(handler.ghostSupplyAtLastMint(), handler.ghostBackingAtLastMint(), "INV-1: supply > backing at mint");
        assertEq(pool.totalSupply(), handler.ghostSupplyAtLastMint(), "INV-1: supply changed outside a mint");
    }

    /// @notice INV-2: for each payout token the pool holds at least Σ claimable over every account that ever held
    /// shares; and the hostile token's hook, which tried to mint in the middle of deposits and claims, never did.
    function invariant_INV2_solvency() public view {
        _assertClean(handler.K_HOOK());
        assertEq(handler.hookToken().successes(), 0, "INV-2: the hook minted inside a deposit or a claim");
        for (uint256 t = 0; t < TOKENS; ++t) {
            IERC20 token = handler.payoutToken(t);
            assertGe(token.balanceOf(address(pool)), handler.sumClaimable(t), "INV-2: pool balance < sum claimable");
        }
    }

    /// @notice INV-3: for each payout token, pool balance = totalDeposited − totalClaimed + what was donated and not
    /// yet skimmed (both totals match the handler's tally), and 0 ≤ totalDeposited − totalClaimed − Σ claimable ≤
    /// number of ever-holders. The ever-holders own the whole supply.
    function invariant_INV3_conservation() public view {
        uint256 holders = handler.everHolderCount();
        for (uint256 t = 0; t < TOKENS; ++t) {
            IERC20 token = handler.payoutToken(t);
            uint256 deposited = pool.totalDeposited(token);
            uint256 claimed = pool.totalClaimed(token);
            assertEq(deposited, handler.ghostDeposited(t), "INV-3: totalDeposited != sum of deposits");
            assertEq(claimed, handler.ghostClaimed(t), "INV-3: totalClaimed != sum of claims");
            assertEq(
                token.balanceOf(address(pool)),
                deposited - claimed + handler.ghostDonated(t),
                "INV-3: balance != deposited - claimed + donations"
            );
            uint256 owed = handler.sumClaimable(t);
            assertLe(owed, deposited - claimed, "INV-3: sum claimable > deposited - claimed (value created)");
            assertLe(deposited - claimed - owed, holders, "INV-3: more than one base unit lost per ever-holder");
            assertEq(
                pool.revenueBySource(token, 0) + pool.revenueBySource(token, 1),
                deposited,
                "INV-3: revenue by source does not add up to totalDeposited"
            );
        }
        uint256 held;
        for (uint256 h = 0; h < holders; ++h) {
            held += pool.balanceOf(handler.everHolder(h));
        }
        assertEq(held, pool.totalSupply(), "ghost: ever-holders do not hold the whole supply");
    }

    /// @notice INV-4: over every deposit, each holder's claimable rose by its pro-rata share of D plus the carried
    /// remainder, ± 1: so by ⌊D·balance/supply⌋ − 1 to + 2 (derivation at `ProRata._checkProRata`).
    function invariant_INV4_proRata() public view {
        _assertClean(handler.K_PRO_RATA());
    }

    /// @notice INV-5: no transfer, self-transfer, transferFrom or mint changed any account's claimable.
    function invariant_INV5_transferNeutrality() public view {
        _assertClean(handler.K_NEUTRALITY());
    }

    /// @notice INV-6: every funded (token, source, epoch) is marked funded; a replay was refused with
    /// `EpochAlreadyFunded` and credited nothing; a second claim paid 0.
    function invariant_INV6_idempotence() public view {
        _assertClean(handler.K_IDEMPOTENCE());
        uint256 count = handler.fundedCount();
        for (uint256 i = 0; i < count; ++i) {
            LedgerChecks.FundedEpoch memory f = handler.funded(i);
            assertTrue(
                pool.isEpochFunded(handler.payoutToken(f.tokenIndex), f.source, f.epoch),
                "INV-6: a funded epoch is not marked funded"
            );
        }
    }

    /// @notice INV-7: no claim the spec allows ever reverted and every pause obeyed its bounds during the run; from
    /// the current state the pause runs out within `MAX_PAUSE_DURATION`, and then, paused again, with every role
    /// taken away for good (the admins renounce after their 2-day delay) and the report stale, every holder that
    /// can call and every claimer a holder or the admin named still claims exactly what it is owed.
    function invariant_INV7_liveness() public {
        _assertClean(handler.K_LIVENESS());
        uint256 start = handler.currentTimestamp();
        vm.warp(start);
        uint64 until = pool.pausedUntil();
        assertLe(until, start + pool.MAX_PAUSE_DURATION(), "INV-7: the pause lasts beyond MAX_PAUSE_DURATION");
        _scheduleRenounce(); // the admins schedule their own removal now, executable 2 days later
        if (until > start) vm.warp(until);
        assertTrue(!pool.paused(), "INV-7: still paused at pausedUntil");

        uint256 later = start + 2 days + 1;
        if (until != 0 && later < uint256(until) + pool.PAUSE_COOLDOWN())
            later = uint256(until) + pool.PAUSE_COOLDOWN();
        if (later < until) later = until;
        vm.warp(later);
        vm.prank(PAUSER);
        pool.pause();
        _revokeEverything();
        assertEq(pool.mintableShares(), 0, "INV-7 setup: the report should be stale");

        _claimEverything(false);
        for (uint256 t = 0; t < TOKENS; ++t) {
            assertEq(handler.sumClaimable(t), _leftToStranded(t), "INV-7: claimable left after everyone claimed");
        }
    }

    /// @notice INV-8: every finalization the handler saw was a clock epoch no later than the current one, after the
    /// previous one, within `maxChangeBps` of the previous value, and the counted lower median of the model; the
    /// oracle's latest report is the last of them; and over n days since the first report the backing grew at most
    /// by (1 + maxChangeBps / 10 000)^(n + 1).
    function invariant_INV8_boundedGrowth() public view {
        _assertClean(handler.K_GROWTH());
        uint256 count = handler.finalizationCount();
        assertGe(count, 1, "INV-8 setup: the initial report did not finalize");
        OracleChecks.Finalization memory first = handler.finalization(0);
        OracleChecks.Finalization memory last = handler.finalization(count - 1);
        (uint256 hashrateTHs, uint64 epoch, uint64 updatedAt) = oracle.latestHashrate(address(pool));
        assertEq(hashrateTHs, last.hashrateTHs, "INV-8: latest value != the model's last finalization");
        assertEq(epoch, last.epoch, "INV-8: latest epoch != the model's");
        assertEq(updatedAt, last.updatedAt, "INV-8: latest updatedAt != the model's");
        uint64 current = uint64(handler.currentTimestamp() / 1 days);
        assertLe(epoch, current, "INV-8: the latest epoch is after the current one");
        for (uint256 i = 1; i < count; ++i) {
            OracleChecks.Finalization memory f = handler.finalization(i);
            assertGe(f.epoch, handler.finalization(i - 1).epoch + 1, "INV-8: finalized epochs not increasing");
            assertLe(f.hashrateTHs, _grown(first.hashrateTHs, f.epoch - first.epoch + 1), "INV-8: growth bound");
        }
        assertLe(hashrateTHs, _grown(first.hashrateTHs, current - first.epoch + 1), "INV-8: growth bound today");
    }

    /// @notice INV-9: no claimer, skim or pool-receiver rule was broken during the run; and from the current state
    /// (paused or not) the admin names a claimer for each contract holder that cannot claim and named nobody, every
    /// holder's revenue is claimed by itself or its claimer, skims send exactly the donations and leave each payout
    /// token's balance at totalDeposited − totalClaimed, and no share can be sent to the pool.
    function invariant_INV9_nothingStranded() public {
        _assertClean(handler.K_STRANDED());
        vm.warp(handler.currentTimestamp());
        _rescueContractHolders();
        _claimEverything(true);
        for (uint256 t = 0; t < TOKENS; ++t) {
            assertEq(handler.sumClaimable(t), 0, "INV-9: revenue left unclaimable");
        }
        _skimEverything();
        _assertNothingSentToPool();
    }

    /// @dev `value` grown by MAX_CHANGE_BPS `times` times, with the oracle's floor rounding (saturating).
    function _grown(uint256 value, uint256 times) internal pure returns (uint256) {
        for (uint256 i = 0; i < times && value < type(uint128).max; ++i) {
            value += (value * MAX_CHANGE_BPS) / 10_000;
        }
        return value;
    }

    function _assertClean(uint8 kind) internal view {
        assertEq(handler.violations(kind), 0, handler.lastViolation(kind));
    }
}
