// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {IHashrateOracle} from "../../../contracts/interfaces/IHashrateOracle.sol";

import {ADMIN, HandlerBase, INITIAL_HASHRATE_THS, MAX_CHANGE_BPS, QUORUM} from "./HandlerBase.sol";

/// @title OracleChecks
/// @notice The oracle side of the invariant handler: five reporters at quorum 3, whose roles the admin revokes and
/// grants again while the clock moves. The handler keeps its own model of the oracle — the submissions of each epoch,
/// who still holds the role, the lower median of the counted values, the change bound — predicts every outcome
/// (including the exact error) and records each finalization, which `invariant_INV8_boundedGrowth` checks.
abstract contract OracleChecks is HandlerBase {
    struct Submission {
        address reporter;
        uint256 hashrateTHs;
    }

    struct Finalization {
        uint64 epoch;
        uint256 hashrateTHs;
        uint64 updatedAt;
    }

    Finalization[] internal _finalizations;
    mapping(uint64 epoch => Submission[]) internal _submissions;
    mapping(uint64 epoch => mapping(address reporter => bool)) internal _submitted;

    uint256 public reportsAccepted;
    uint256 public reportsRefused;
    uint256 public roleChanges;

    function finalizationCount() external view returns (uint256) {
        return _finalizations.length;
    }

    function finalization(uint256 index) external view returns (Finalization memory) {
        return _finalizations[index];
    }

    /// @dev The first report: three reporters submit `INITIAL_HASHRATE_THS` for the current epoch.
    function _initialReport() internal {
        uint64 epoch = oracle.currentEpoch();
        for (uint256 i = 0; i < QUORUM; ++i) {
            _submitChecked(i, epoch, INITIAL_HASHRATE_THS);
        }
    }

    /// @dev Reporter `index` submits `hashrateTHs` for `epoch`; the outcome must be the one the model predicts.
    function _submitChecked(uint256 index, uint64 epoch, uint256 hashrateTHs) internal {
        address who = _reporters[index];
        bytes memory expected = _expectedRefusal(who, epoch);
        (bool finalizes, uint256 median) = (false, 0);
        if (expected.length == 0) {
            (finalizes, median, expected) = _expectedFinalization(epoch, hashrateTHs);
        }
        vm.prank(who);
        try oracle.reportHashrate(address(pool), epoch, hashrateTHs) {
            if (expected.length != 0) {
                _violation(K_GROWTH, "INV-8: the oracle accepted a report the spec refuses");
                return;
            }
            ++reportsAccepted;
            _submitted[epoch][who] = true;
            _submissions[epoch].push(Submission(who, hashrateTHs));
            if (finalizes) _recordFinalization(epoch, median);
            _checkLatest();
        } catch (bytes memory reason) {
            ++reportsRefused;
            _expectReason(reason, expected, K_GROWTH, "INV-8: the oracle refused a report with the wrong error");
        }
    }

    /// @dev Any revert `reportHashrate` must raise before counting, in the contract's order: the role, then
    /// `EpochNotCurrent`, `EpochNotAfterLatest`, `AlreadySubmitted`. Empty when none applies.
    function _expectedRefusal(address who, uint64 epoch) internal view returns (bytes memory) {
        uint64 current = uint64(block.timestamp / DAY);
        if (!oracle.hasRole(oracle.REPORTER_ROLE(), who)) {
            return
                abi.encodeWithSelector(
                    IAccessControl.AccessControlUnauthorizedAccount.selector,
                    who,
                    oracle.REPORTER_ROLE()
                );
        }
        if (epoch > current || current - epoch > 1) {
            return abi.encodeWithSelector(IHashrateOracle.EpochNotCurrent.selector, epoch, current);
        }
        uint256 count = _finalizations.length;
        if (count != 0 && epoch <= _finalizations[count - 1].epoch) {
            return
                abi.encodeWithSelector(
                    IHashrateOracle.EpochNotAfterLatest.selector,
                    epoch,
                    _finalizations[count - 1].epoch
                );
        }
        if (_submitted[epoch][who]) return abi.encodeWithSelector(IHashrateOracle.AlreadySubmitted.selector, who);
        return "";
    }

    /// @dev With the new submission, whether the counted submissions (reporters holding the role) reach the quorum,
    /// their lower median, and the `HashrateChangeTooLarge` refusal when it moves more than the bound.
    function _expectedFinalization(
        uint64 epoch,
        uint256 hashrateTHs
    ) internal view returns (bool finalizes, uint256 median, bytes memory refusal) {
        Submission[] storage pending = _submissions[epoch];
        uint256[] memory counted = new uint256[](pending.length + 1);
        uint256 n;
        bytes32 role = oracle.REPORTER_ROLE();
        for (uint256 i = 0; i < pending.length; ++i) {
            if (oracle.hasRole(role, pending[i].reporter)) counted[n++] = pending[i].hashrateTHs;
        }
        counted[n++] = hashrateTHs;
        if (n < QUORUM) return (false, 0, "");
        median = _lowerMedian(counted, n);
        uint256 count = _finalizations.length;
        if (count != 0) {
            uint256 previous = _finalizations[count - 1].hashrateTHs;
            uint256 move = median > previous ? median - previous : previous - median;
            if (previous != 0 && move > Math.mulDiv(previous, MAX_CHANGE_BPS, BPS)) {
                refusal = abi.encodeWithSelector(IHashrateOracle.HashrateChangeTooLarge.selector, previous, median);
                return (false, median, refusal);
            }
        }
        return (true, median, "");
    }

    /// @dev INV-8 at each finalization: a clock epoch no later than the current one, after the previous finalized
    /// epoch, within `MAX_CHANGE_BPS` of the previous value.
    function _recordFinalization(uint64 epoch, uint256 value) internal {
        uint256 count = _finalizations.length;
        if (epoch > block.timestamp / DAY) _violation(K_GROWTH, "INV-8: an epoch after the current one finalized");
        if (count != 0) {
            Finalization memory previous = _finalizations[count - 1];
            if (epoch <= previous.epoch) _violation(K_GROWTH, "INV-8: finalized epochs do not strictly increase");
            uint256 move = value > previous.hashrateTHs ? value - previous.hashrateTHs : previous.hashrateTHs - value;
            if (move > Math.mulDiv(previous.hashrateTHs, MAX_CHANGE_BPS, BPS)) {
                _violation(K_GROWTH, "INV-8: a finalized value moved more than maxChangeBps");
            }
        }
        _finalizations.push(Finalization(epoch, value, uint64(block.timestamp)));
    }

    /// @dev The oracle's latest report is the model's last finalization.
    function _checkLatest() internal {
        uint256 count = _finalizations.length;
        (uint256 hashrateTHs, uint64 epoch, uint64 updatedAt) = oracle.latestHashrate(address(pool));
        if (count == 0) {
            if (updatedAt != 0) _violation(K_GROWTH, "INV-8: a report finalized below the quorum");
            return;
        }
        Finalization memory last = _finalizations[count - 1];
        if (hashrateTHs != last.hashrateTHs || epoch != last.epoch || updatedAt != last.updatedAt) {
            _violation(K_GROWTH, "INV-8: the latest report is not the counted lower median of the model");
        }
    }

    /// @dev The admin revokes reporter `index`'s role, or grants it back.
    function _toggleReporter(uint256 index) internal {
        address who = _reporters[index];
        bytes32 role = oracle.REPORTER_ROLE();
        bool holds = oracle.hasRole(role, who);
        vm.prank(ADMIN);
        if (holds) oracle.revokeRole(role, who);
        else oracle.grantRole(role, who);
        ++roleChanges;
    }

    /// @dev Independent of the contract: insertion sort of the first `n` values, element (n − 1) / 2.
    function _lowerMedian(uint256[] memory values, uint256 n) internal pure returns (uint256) {
        for (uint256 i = 1; i < n; ++i) {
            uint256 v = values[i];
            uint256 j = i;
            while (j > 0 && values[j - 1] > v) {
                values[j] = values[j - 1];
                --j;
            }
            values[j] = v;
        }
        return values[(n - 1) / 2];
    }
}
