// SPDX-License-Identifier: MIT
// Test names follow the invariant IDs (`testFuzz_INV8_…`), not mixedCase.
/* solhint-disable func-name-mixedcase */
pragma solidity 0.8.37;

import {IHashrateOracle} from "../../contracts/interfaces/IHashrateOracle.sol";

import {OracleFixture} from "../utils/OracleFixture.sol";

/// @title HashrateOracleClockFuzzTest
/// @notice Fuzz tests of INV-8 (bounded growth) at the oracle: a report is accepted only for the current or the
/// previous UTC day of the chain's clock (`EpochNotCurrent` otherwise, checked before anything else), only reporters
/// that still hold `REPORTER_ROLE` count toward the quorum, and so `maxChangeBps` bounds growth per day: however a
/// reporter key times its reports, n days after a finalization the value is at most (1 + bps/10 000)^(n + 1) times it.
contract HashrateOracleClockFuzzTest is OracleFixture {
    uint256 internal constant REPORTERS = 7;
    uint256 internal constant DAY = 86_400;

    function setUp() public {
        deployOracle(REPORTERS);
    }

    /// @notice `currentEpoch()` is `block.timestamp / 86 400` at any time, and a report for any epoch other than the
    /// current or the previous one reverts `EpochNotCurrent(epoch, current)`, however large or small the epoch.
    /// Half the runs pick an epoch within three days of the current one, the others any epoch at all.
    function testFuzz_INV8_epochNotCurrentForAnyOtherEpoch(
        uint256 timestamp,
        uint64 epoch,
        uint8 near,
        uint256 hashrate
    ) public {
        timestamp = bound(timestamp, 0, type(uint64).max);
        vm.warp(timestamp);
        uint64 current = uint64(timestamp / DAY);
        if (near % 2 == 0) epoch = current + 3 < 3 + ((near >> 1) % 7) ? 0 : current + 3 - ((near >> 1) % 7);
        assertEq(oracle.currentEpoch(), current, "currentEpoch != block.timestamp / 86400");
        assertEq(oracle.EPOCH_SECONDS(), DAY, "EPOCH_SECONDS");
        bool accepted = epoch == current || (current > 0 && epoch == current - 1);

        if (!accepted) {
            vm.expectRevert(abi.encodeWithSelector(IHashrateOracle.EpochNotCurrent.selector, epoch, current));
        }
        vm.prank(reporters[0]);
        oracle.reportHashrate(POOL, epoch, hashrate);
        (uint256 value, uint64 finalized, uint64 updatedAt) = oracle.latestHashrate(POOL);
        assertEq(updatedAt, accepted ? timestamp : 0, "updatedAt");
        assertEq(finalized, accepted ? epoch : 0, "finalized epoch");
        assertEq(value, accepted ? hashrate : 0, "finalized value");
    }

    /// @notice The epochs around a day boundary: at the last second of day d, d and d − 1 are accepted and d + 1 is
    /// refused; one second later d + 1 and d are accepted and d − 1 is refused.
    function testFuzz_INV8_dayBoundary(uint64 day) public {
        day = uint64(bound(day, 1, type(uint64).max / DAY - 2));
        vm.warp(uint256(day) * DAY + DAY - 1);
        _expectNotCurrent(reporters[0], day + 1, day);
        vm.warp(uint256(day + 1) * DAY);
        _expectNotCurrent(reporters[0], day - 1, day + 1);
        vm.prank(reporters[0]);
        oracle.reportHashrate(POOL, day, 1); // the previous epoch, now
        vm.prank(reporters[1]);
        oracle.reportHashrate(POOL, day + 1, 2);
        (uint256 value, uint64 epoch, ) = oracle.latestHashrate(POOL);
        assertEq(epoch, day + 1, "the current epoch did not finalize after the previous one");
        assertEq(value, 2, "value");
    }

    /// @notice `EpochNotCurrent` comes before `EpochNotAfterLatest` and `AlreadySubmitted`: a reporter that already
    /// submitted, for an epoch already finalized, still gets `EpochNotCurrent` once the clock has moved on.
    function testFuzz_INV8_epochNotCurrentIsCheckedFirst(uint256 later) public {
        uint64 first = oracle.currentEpoch();
        vm.prank(reporters[0]);
        oracle.reportHashrate(POOL, first, 5);
        vm.expectRevert(abi.encodeWithSelector(IHashrateOracle.EpochNotAfterLatest.selector, first, first));
        vm.prank(reporters[0]);
        oracle.reportHashrate(POOL, first, 5);

        vm.warp(START + bound(later, 2 * DAY, 3650 * DAY));
        _expectNotCurrent(reporters[0], first, oracle.currentEpoch());
    }

    /// @notice Quorum q of R reporters: some submit, then some of those lose their role. The epoch finalizes exactly
    /// when the submissions of reporters that still hold the role reach q, at the lower median of those values only;
    /// a revoked reporter's vote neither counts nor sets the value, and a re-granted one counts again.
    function testFuzz_INV8_onlyReportersHoldingTheRoleCount(
        uint8 quorum,
        uint8 early,
        uint8 revokedMask,
        uint256[REPORTERS] memory values
    ) public {
        uint256 q = bound(quorum, 2, 4);
        uint256 before = bound(early, 1, q - 1); // submissions before the revocations (pending)
        vm.startPrank(ADMIN);
        oracle.setQuorum(uint8(q));
        vm.stopPrank();
        uint64 epoch = oracle.currentEpoch();
        for (uint256 i = 0; i < before; ++i) {
            vm.prank(reporters[i]);
            oracle.reportHashrate(POOL, epoch, values[i]);
        }
        uint256 revoked;
        bool[REPORTERS] memory isRevoked;
        for (uint256 i = 0; i < before; ++i) {
            if ((revokedMask >> i) & 1 == 0) continue;
            vm.startPrank(ADMIN);
            oracle.revokeRole(oracle.REPORTER_ROLE(), reporters[i]);
            vm.stopPrank();
            isRevoked[i] = true;
            ++revoked;
        }

        // Fresh reporters submit one by one until the counted submissions reach the quorum.
        uint256 counted = before - revoked;
        uint256 next = before;
        while (counted + 1 < q) {
            vm.prank(reporters[next]);
            oracle.reportHashrate(POOL, epoch, values[next]);
            ++next;
            ++counted;
            (, , uint64 pendingAt) = oracle.latestHashrate(POOL);
            assertEq(pendingAt, 0, "finalized before the counted quorum");
        }
        vm.prank(reporters[next]);
        oracle.reportHashrate(POOL, epoch, values[next]);
        (uint256 value, uint64 finalized, ) = oracle.latestHashrate(POOL);
        assertEq(finalized, epoch, "did not finalize at the counted quorum");
        assertEq(value, _lowerMedianOfCounted(values, next + 1, isRevoked), "not the lower median of counted votes");
    }

    /// @notice At quorum 2, a revoked reporter's pending vote does not count (the next submission does not finalize),
    /// and once its role is granted back it counts again: the third submission finalizes at the lower median of all
    /// three values (the vote is re-read at each submission, not dropped at revocation).
    function testFuzz_INV8_regrantedReporterCountsAgain(uint256 a, uint256 b, uint256 c) public {
        vm.prank(ADMIN);
        oracle.setQuorum(2);
        uint64 epoch = oracle.currentEpoch();
        bytes32 role = oracle.REPORTER_ROLE();
        vm.prank(reporters[0]);
        oracle.reportHashrate(POOL, epoch, a);
        vm.prank(ADMIN);
        oracle.revokeRole(role, reporters[0]);
        vm.prank(reporters[1]);
        oracle.reportHashrate(POOL, epoch, b);
        (, , uint64 updatedAt) = oracle.latestHashrate(POOL);
        assertEq(updatedAt, 0, "a revoked reporter's vote completed the quorum");

        vm.prank(ADMIN);
        oracle.grantRole(role, reporters[0]);
        vm.prank(reporters[2]);
        oracle.reportHashrate(POOL, epoch, c);
        (uint256 value, uint64 finalized, ) = oracle.latestHashrate(POOL);
        assertEq(finalized, epoch, "not finalized");
        uint256[REPORTERS] memory values;
        (values[0], values[1], values[2]) = (a, b, c);
        bool[REPORTERS] memory none;
        assertEq(value, _lowerMedianOfCounted(values, 3, none), "not the lower median of the three votes");
    }

    /// @notice INV-8 against the strongest single-key attack: the reporter (quorum 1) tries, at random moments over
    /// up to 60 steps, to finalize the largest value the bound allows for the current and the previous epoch. Every
    /// finalized value stays within bps of the previous one, finalized epochs strictly increase and are never after
    /// the current one, and after n days the value is at most v0 grown by bps, compounded with floor rounding (the
    /// contract's own rounding), n + 1 times.
    function testFuzz_INV8_growthPerDayIsBounded(uint256 first, uint32 bps, uint256 seed, uint8 steps) public {
        first = bound(first, 1, 1e20);
        bps = uint32(bound(bps, 1, BPS));
        vm.prank(ADMIN);
        oracle.setMaxChangeBps(POOL, bps);
        uint64 startEpoch = oracle.currentEpoch();
        vm.prank(reporters[0]);
        oracle.reportHashrate(POOL, startEpoch - 1, first); // the earliest a first report can be

        (uint256 previous, uint64 lastEpoch, ) = oracle.latestHashrate(POOL);
        uint256 count = bound(steps, 1, 60);
        for (uint256 i = 0; i < count; ++i) {
            (previous, lastEpoch) = _greedyStep(uint256(keccak256(abi.encode(seed, i))), previous, lastEpoch, bps);
        }
        uint256 days_ = oracle.currentEpoch() - startEpoch;
        uint256 bound_ = first;
        for (uint256 d = 0; d < days_ + 1; ++d) bound_ += (bound_ * bps) / BPS;
        assertLe(previous, bound_, "INV-8: grew more than (1 + bps)^(n + 1) over n days");
    }

    /// @dev One attempt of the greedy reporter at a random moment, then the INV-8 checks on what finalized.
    function _greedyStep(
        uint256 seed,
        uint256 previous,
        uint64 lastEpoch,
        uint32 bps
    ) internal returns (uint256 value, uint64 finalized) {
        vm.warp(block.timestamp + (seed % (2 * DAY))); // 0 s to 2 days, often within the same day
        uint64 current = oracle.currentEpoch();
        uint64 epoch = (seed >> 128) % 2 == 0 ? current : current - 1;
        uint256 greedy = previous + (previous * bps) / BPS + ((seed >> 64) % 3 == 0 ? 1 : 0); // sometimes 1 over
        vm.prank(reporters[0]);
        try oracle.reportHashrate(POOL, epoch, greedy) {} catch {}

        uint64 updatedAt;
        (value, finalized, updatedAt) = oracle.latestHashrate(POOL);
        if (finalized == lastEpoch) {
            assertEq(value, previous, "value changed without a finalization");
            return (value, finalized);
        }
        assertGe(finalized, lastEpoch + 1, "INV-8: finalized epochs do not strictly increase");
        assertLe(finalized, current, "INV-8: an epoch after the current one finalized");
        assertEq(updatedAt, block.timestamp, "updatedAt");
        uint256 move = value > previous ? value - previous : previous - value;
        assertLe(move, (previous * bps) / BPS, "INV-8: a finalized value moved more than bps");
    }

    function _expectNotCurrent(address reporter, uint64 epoch, uint64 current) internal {
        vm.expectRevert(abi.encodeWithSelector(IHashrateOracle.EpochNotCurrent.selector, epoch, current));
        vm.prank(reporter);
        oracle.reportHashrate(POOL, epoch, 1);
    }

    /// @dev Independent of the contract: insertion sort of the values of the first `count` reporters that were not
    /// revoked, element (n − 1) / 2.
    function _lowerMedianOfCounted(
        uint256[REPORTERS] memory values,
        uint256 count,
        bool[REPORTERS] memory revoked
    ) internal pure returns (uint256) {
        uint256[] memory sorted = new uint256[](count);
        uint256 n;
        for (uint256 i = 0; i < count; ++i) {
            if (revoked[i]) continue;
            uint256 v = values[i];
            uint256 j = n++;
            while (j > 0 && sorted[j - 1] > v) {
                sorted[j] = sorted[j - 1];
                --j;
            }
            sorted[j] = v;
        }
        return sorted[(n - 1) / 2];
    }
}
