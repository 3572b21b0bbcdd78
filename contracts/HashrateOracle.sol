// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

// solhint-disable-next-line max-line-length
import {AccessControlDefaultAdminRules} from "@openzeppelin/contracts/access/extensions/AccessControlDefaultAdminRules.sol";
import {Arrays} from "@openzeppelin/contracts/utils/Arrays.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {IHashrateOracle} from "./interfaces/IHashrateOracle.sol";
import {AdminRules} from "./libraries/AdminRules.sol";

/// @title HashrateOracle
/// @notice Clock-bound quorum-of-reporters hashrate oracle; each pool's latest report backs its share supply (INV-1)
/// and moves at most `maxChangeBps` per epoch (INV-8).
contract HashrateOracle is IHashrateOracle, AccessControlDefaultAdminRules {
    /// @inheritdoc IHashrateOracle
    bytes32 public constant REPORTER_ROLE = keccak256("REPORTER_ROLE");
    /// @inheritdoc IHashrateOracle
    uint64 public constant EPOCH_SECONDS = 86_400;

    uint256 private constant BPS = 10_000;

    struct Report {
        uint256 hashrateTHs;
        uint64 epoch;
        uint64 updatedAt;
    }

    struct Submission {
        address reporter;
        uint256 hashrateTHs;
    }

    struct Pending {
        Submission[] submissions;
        mapping(address reporter => bool) submitted;
    }

    uint8 private _quorum;
    mapping(address pool => Report) private _latest;
    mapping(address pool => uint32) private _maxChangeBps;
    mapping(address pool => mapping(uint64 epoch => Pending)) private _pending;

    /// @param admin Receives `DEFAULT_ADMIN_ROLE` (and nothing else: reporters are granted explicitly), handed over
    /// in two steps with a delay starting at 2 days.
    /// @param quorum_ Distinct counted reporters needed to finalize an epoch; at least 1.
    constructor(address admin, uint8 quorum_) AccessControlDefaultAdminRules(AdminRules.INITIAL_ADMIN_DELAY, admin) {
        if (quorum_ == 0) revert InvalidQuorum();
        _quorum = quorum_;
        emit QuorumSet(quorum_);
    }

    /// @inheritdoc IHashrateOracle
    function currentEpoch() public view returns (uint64) {
        // block.timestamp < 2^64 on every EVM chain, so the quotient fits.
        return uint64(block.timestamp / EPOCH_SECONDS);
    }

    /// @inheritdoc IHashrateOracle
    /// @dev Keeps INV-8: only the current or previous epoch, each finalized at most once and after the latest, so a
    /// pool finalizes at most once per epoch, each time within `maxChangeBps` of the previous value.
    function reportHashrate(address pool, uint64 epoch, uint256 hashrateTHs) external onlyRole(REPORTER_ROLE) {
        uint64 current = currentEpoch();
        if (epoch > current || current - epoch > 1) revert EpochNotCurrent(epoch, current);
        Report storage latest = _latest[pool];
        if (latest.updatedAt != 0 && epoch <= latest.epoch) revert EpochNotAfterLatest(epoch, latest.epoch);

        Pending storage pending = _pending[pool][epoch];
        if (pending.submitted[msg.sender]) revert AlreadySubmitted(msg.sender);
        pending.submitted[msg.sender] = true;
        pending.submissions.push(Submission(msg.sender, hashrateTHs));
        emit HashrateSubmitted(pool, epoch, msg.sender, hashrateTHs);

        uint256[] memory counted = _countedValues(pending.submissions);
        if (counted.length >= _quorum) _finalize(pool, epoch, latest, _lowerMedian(counted));
    }

    /// @inheritdoc IHashrateOracle
    function latestHashrate(address pool) external view returns (uint256 hashrateTHs, uint64 epoch, uint64 updatedAt) {
        Report storage latest = _latest[pool];
        return (latest.hashrateTHs, latest.epoch, latest.updatedAt);
    }

    /// @inheritdoc IHashrateOracle
    function setQuorum(uint8 quorum_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (quorum_ == 0) revert InvalidQuorum();
        _quorum = quorum_;
        emit QuorumSet(quorum_);
    }

    /// @inheritdoc IHashrateOracle
    function setMaxChangeBps(address pool, uint32 bps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _maxChangeBps[pool] = bps;
        emit MaxChangeBpsSet(pool, bps);
    }

    /// @inheritdoc IHashrateOracle
    function quorum() external view returns (uint8) {
        return _quorum;
    }

    /// @inheritdoc IHashrateOracle
    function maxChangeBps(address pool) external view returns (uint32) {
        return _maxChangeBps[pool];
    }

    /// @inheritdoc IHashrateOracle
    function submissionCount(address pool, uint64 epoch) external view returns (uint256) {
        return _pending[pool][epoch].submissions.length;
    }

    /// @inheritdoc IHashrateOracle
    function hasSubmitted(address pool, uint64 epoch, address reporter) external view returns (bool) {
        return _pending[pool][epoch].submitted[reporter];
    }

    function _finalize(address pool, uint64 epoch, Report storage latest, uint256 value) private {
        uint256 previous = latest.hashrateTHs;
        uint32 bps = _maxChangeBps[pool];
        if (bps != 0 && previous != 0) {
            uint256 move = value > previous ? value - previous : previous - value;
            // move > previous · bps / BPS, exact for an integer `move`. A bound that does not fit in 256 bits
            // (bps above 100 % of an astronomically large value) exceeds every possible move.
            (uint256 high, ) = Math.mul512(previous, bps);
            if (high < BPS && move > Math.mulDiv(previous, bps, BPS)) revert HashrateChangeTooLarge(previous, value);
        }
        latest.hashrateTHs = value;
        latest.epoch = epoch;
        latest.updatedAt = uint64(block.timestamp);
        emit HashrateFinalized(pool, epoch, value);
    }

    /// @dev The values of the submissions whose reporter still holds `REPORTER_ROLE`, in submission order: a revoked
    /// reporter's pending votes stop counting at once.
    function _countedValues(Submission[] storage submissions) private view returns (uint256[] memory values) {
        uint256 length = submissions.length;
        values = new uint256[](length);
        uint256 counted = 0;
        for (uint256 i = 0; i < length; ++i) {
            Submission storage submission = submissions[i];
            if (hasRole(REPORTER_ROLE, submission.reporter)) values[counted++] = submission.hashrateTHs;
        }
        // Shrink the array to the counted values (counted ≤ length, so this only lowers the length word).
        assembly ("memory-safe") {
            mstore(values, counted)
        }
    }

    /// @dev Lower median: the element at index (n - 1) / 2 of the sorted values (n ≥ 1).
    function _lowerMedian(uint256[] memory values) private pure returns (uint256) {
        uint256[] memory sorted = Arrays.sort(values);
        return sorted[(sorted.length - 1) / 2];
    }
}
