// SPDX-License-Identifier: MIT
// Test names follow the invariant IDs (`testFuzz_INV1_…`), not mixedCase.
/* solhint-disable func-name-mixedcase */
pragma solidity 0.8.37;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {IHashrateOracle} from "../../contracts/interfaces/IHashrateOracle.sol";

import {OracleFixture} from "../utils/OracleFixture.sol";

/// @title HashrateOracleFuzzTest
/// @notice Fuzz tests of the oracle that backs INV-1: quorum finalization at the lower median of the submissions,
/// epoch ordering, and the max-change bound (a move of exactly `bps` accepted, one unit or one bps more refused).
contract HashrateOracleFuzzTest is OracleFixture {
    uint256 internal constant MAX_REPORTERS = 9;
    /// @dev The clock epoch at `START`; reports are accepted only for the current or the previous epoch.
    uint64 internal constant E = uint64(START / 1 days);

    function setUp() public {
        deployOracle(MAX_REPORTERS);
    }

    /// @notice With quorum q, nothing finalizes before the q-th distinct submission, and then the epoch finalizes at
    /// the lower median (index (q − 1) / 2 of the sorted values), whatever the values and their order.
    function testFuzz_INV1_oracleFinalizesAtLowerMedian(
        uint256[MAX_REPORTERS] memory values,
        uint8 quorum,
        uint64 epoch
    ) public {
        uint256 q = bound(quorum, 1, MAX_REPORTERS);
        epoch = E - (epoch % 2); // the current or the previous epoch
        vm.prank(ADMIN);
        oracle.setQuorum(uint8(q));

        for (uint256 i = 0; i < q; ++i) {
            (, , uint64 updatedAt) = oracle.latestHashrate(POOL);
            assertEq(updatedAt, 0, "finalized before the quorum");
            vm.prank(reporters[i]);
            oracle.reportHashrate(POOL, epoch, values[i]);
            assertEq(oracle.submissionCount(POOL, epoch), i + 1, "submission not counted");
        }
        (uint256 hashrate, uint64 finalizedEpoch, uint64 finalizedAt) = oracle.latestHashrate(POOL);
        assertEq(hashrate, _lowerMedian(values, q), "finalized value != lower median of the submissions");
        assertEq(finalizedEpoch, epoch, "wrong finalized epoch");
        assertEq(finalizedAt, block.timestamp, "wrong finalization time");
    }

    /// @notice A reporter submits once per (pool, epoch); once an epoch finalizes, it and every older epoch are
    /// refused (including older ones still pending), and a newer one finalizes on its own submissions only.
    /// `older` is the previous clock epoch and `newer` the current one, on a day `gap` days after the start.
    function testFuzz_INV1_oracleEpochsStrictlyIncrease(uint64 older, uint64 gap, uint256[4] memory values) public {
        uint64 newer = E + uint64(bound(gap, 0, 36_500));
        vm.warp(uint256(newer) * 1 days + (older % 1 days));
        older = newer - 1;
        vm.prank(ADMIN);
        oracle.setQuorum(2);

        vm.prank(reporters[0]);
        oracle.reportHashrate(POOL, older, values[0]); // stays pending
        vm.expectRevert(abi.encodeWithSelector(IHashrateOracle.AlreadySubmitted.selector, reporters[0]));
        vm.prank(reporters[0]);
        oracle.reportHashrate(POOL, older, values[1]);

        vm.prank(reporters[1]);
        oracle.reportHashrate(POOL, newer, values[2]);
        vm.prank(reporters[2]);
        oracle.reportHashrate(POOL, newer, values[3]);
        (uint256 hashrate, uint64 epoch, ) = oracle.latestHashrate(POOL);
        assertEq(epoch, newer, "newer epoch not finalized");
        assertEq(hashrate, Math.min(values[2], values[3]), "lower median of two != the smaller");

        vm.expectRevert(abi.encodeWithSelector(IHashrateOracle.EpochNotAfterLatest.selector, older, newer));
        vm.prank(reporters[1]);
        oracle.reportHashrate(POOL, older, values[1]);
        vm.expectRevert(abi.encodeWithSelector(IHashrateOracle.EpochNotAfterLatest.selector, newer, newer));
        vm.prank(reporters[3]);
        oracle.reportHashrate(POOL, newer, values[1]);
    }

    /// @notice From a non-zero previous value, a move of exactly ⌊previous·bps/10 000⌋ (up, or down) finalizes and
    /// one unit more is refused with `HashrateChangeTooLarge(previous, proposed)`.
    function testFuzz_INV1_oracleMaxChangeBoundIsExact(uint256 previous, uint32 bps, bool up) public {
        previous = bound(previous, 1, 1e30);
        bps = uint32(bound(bps, 1, 3 * BPS));
        uint256 allowed = Math.mulDiv(previous, bps, BPS);
        if (!up && allowed >= previous) up = true; // a fall below zero does not exist
        uint256 atBound = up ? previous + allowed : previous - allowed;
        uint256 beyond = up ? atBound + 1 : atBound - 1;
        _setUpPrevious(previous, bps);

        vm.expectRevert(abi.encodeWithSelector(IHashrateOracle.HashrateChangeTooLarge.selector, previous, beyond));
        vm.prank(reporters[0]);
        oracle.reportHashrate(POOL, E, beyond);

        vm.prank(reporters[0]);
        oracle.reportHashrate(POOL, E, atBound);
        (uint256 hashrate, uint64 epoch, ) = oracle.latestHashrate(POOL);
        assertEq(hashrate, atBound, "a move of exactly bps was refused");
        assertEq(epoch, E, "wrong epoch");
    }

    /// @notice In basis points: a rise of exactly `bps` is accepted and a rise of `bps + 1` refused (previous values
    /// that are multiples of 10 000, so both moves are whole units).
    function testFuzz_INV1_oracleMaxChangeBpsPlusOneRefused(uint256 units, uint32 bps) public {
        uint256 previous = bound(units, 1, 1e26) * BPS;
        bps = uint32(bound(bps, 1, 5 * BPS));
        _setUpPrevious(previous, bps);

        uint256 plusOneBps = (previous / BPS) * (BPS + bps + 1);
        vm.expectRevert(abi.encodeWithSelector(IHashrateOracle.HashrateChangeTooLarge.selector, previous, plusOneBps));
        vm.prank(reporters[0]);
        oracle.reportHashrate(POOL, E, plusOneBps);

        uint256 exactBps = (previous / BPS) * (BPS + bps);
        vm.prank(reporters[0]);
        oracle.reportHashrate(POOL, E, exactBps);
        (uint256 hashrate, , ) = oracle.latestHashrate(POOL);
        assertEq(hashrate, exactBps, "a rise of exactly bps was refused");
    }

    /// @notice The submission that would finalize an out-of-bound median reverts and the earlier ones stay pending:
    /// a later in-bound submission then finalizes the epoch at the lower median of all kept submissions.
    function testFuzz_INV1_oracleRefusedFinalizationKeepsPending(uint256 previous, uint32 bps, uint256 high) public {
        previous = bound(previous, 1, 1e30);
        bps = uint32(bound(bps, 1, BPS));
        uint256 allowed = Math.mulDiv(previous, bps, BPS);
        _setUpPrevious(previous, bps);
        vm.prank(ADMIN);
        oracle.setQuorum(2);
        high = bound(high, previous + allowed + 1, 1e31);

        vm.prank(reporters[0]);
        oracle.reportHashrate(POOL, E, high); // pending
        vm.expectRevert(abi.encodeWithSelector(IHashrateOracle.HashrateChangeTooLarge.selector, previous, high));
        vm.prank(reporters[1]);
        oracle.reportHashrate(POOL, E, high);
        assertEq(oracle.submissionCount(POOL, E), 1, "the earlier submission was dropped");
        assertTrue(!oracle.hasSubmitted(POOL, E, reporters[1]), "the refused submission was kept");

        // Lower median of {high, previous} is previous: a move of 0, accepted.
        vm.prank(reporters[1]);
        oracle.reportHashrate(POOL, E, previous);
        (uint256 hashrate, uint64 epoch, ) = oracle.latestHashrate(POOL);
        assertEq(hashrate, previous, "not finalized at the lower median of the kept submissions");
        assertEq(epoch, E, "wrong epoch");
    }

    /// @notice No bound applies from a previous value of 0, or with bps = 0.
    function testFuzz_INV1_oracleUnboundedFromZeroOrZeroBps(uint256 first, uint256 second, uint32 bps) public {
        vm.prank(ADMIN);
        oracle.setMaxChangeBps(POOL, bps);
        vm.prank(reporters[0]);
        oracle.reportHashrate(POOL, E - 1, 0);
        vm.prank(reporters[0]);
        oracle.reportHashrate(POOL, E, first);
        (uint256 hashrate, , ) = oracle.latestHashrate(POOL);
        assertEq(hashrate, first, "a move from 0 was bounded");

        vm.prank(ADMIN);
        oracle.setMaxChangeBps(POOL, 0);
        vm.warp(START + 1 days);
        vm.prank(reporters[0]);
        oracle.reportHashrate(POOL, E + 1, second);
        (hashrate, , ) = oracle.latestHashrate(POOL);
        assertEq(hashrate, second, "bps = 0 bounded a move");
    }

    function _setUpPrevious(uint256 previous, uint32 bps) internal {
        vm.prank(reporters[0]);
        oracle.reportHashrate(POOL, E - 1, previous);
        vm.prank(ADMIN);
        oracle.setMaxChangeBps(POOL, bps);
    }

    /// @dev Independent of the contract: insertion sort of the first `count` values, element (count − 1) / 2.
    function _lowerMedian(uint256[MAX_REPORTERS] memory values, uint256 count) internal pure returns (uint256) {
        uint256[] memory sorted = new uint256[](count);
        for (uint256 i = 0; i < count; ++i) {
            uint256 v = values[i];
            uint256 j = i;
            while (j > 0 && sorted[j - 1] > v) {
                sorted[j] = sorted[j - 1];
                --j;
            }
            sorted[j] = v;
        }
        return sorted[(count - 1) / 2];
    }
}
