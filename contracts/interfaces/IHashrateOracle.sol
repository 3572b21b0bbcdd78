// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title IHashrateOracle
/// @notice Hashrate attested for each mining pool, in whole TH/s, by a quorum of independent reporters, one epoch
/// (UTC day) at a time.
/// @dev Epochs are bound to the chain's clock: epoch `e` is the UTC day `[e · 86,400, (e + 1) · 86,400)` seconds
/// after the Unix epoch, and a report is accepted only for the current or the previous epoch. A pool's finalized
/// epochs strictly increase (gaps allowed). Each reporter submits once per (pool, epoch); a submission counts toward
/// the quorum only while its reporter holds `REPORTER_ROLE`. When `quorum` counted submissions exist for an epoch
/// newer than the pool's latest, the epoch finalizes at the lower median of the counted values and becomes the
/// pool's latest report. So a pool finalizes at most once per epoch and `maxChangeBps` bounds its growth per day
/// (INV-8). `DEFAULT_ADMIN_ROLE` follows OpenZeppelin's `AccessControlDefaultAdminRules` (two-step handover with a
/// delay starting at 2 days).
interface IHashrateOracle {
    /// @notice A reporter submitted a value for an epoch of a pool.
    event HashrateSubmitted(address indexed pool, uint64 indexed epoch, address indexed reporter, uint256 hashrateTHs);

    /// @notice An epoch reached quorum and became the pool's latest report.
    event HashrateFinalized(address indexed pool, uint64 indexed epoch, uint256 hashrateTHs);

    /// @notice The number of distinct reporters needed to finalize an epoch changed.
    event QuorumSet(uint8 quorum);

    /// @notice The largest accepted move of a pool's finalized value changed (0 = unbounded).
    event MaxChangeBpsSet(address indexed pool, uint32 bps);

    /// @notice The epoch is neither the current epoch nor the previous one (INV-8).
    error EpochNotCurrent(uint64 epoch, uint64 current);

    /// @notice The epoch is not newer than the pool's latest finalized epoch.
    error EpochNotAfterLatest(uint64 epoch, uint64 latest);

    /// @notice This reporter already submitted for this (pool, epoch).
    error AlreadySubmitted(address reporter);

    /// @notice The value that would finalize moves more than the pool's `maxChangeBps` from the previous value.
    error HashrateChangeTooLarge(uint256 previous, uint256 proposed);

    /// @notice A quorum must be at least 1.
    error InvalidQuorum();

    /// @notice The role allowed to submit hashrate reports.
    function REPORTER_ROLE() external view returns (bytes32);

    /// @notice Length of an epoch in seconds: 86,400 (a UTC day).
    function EPOCH_SECONDS() external view returns (uint64);

    /// @notice The epoch of the current block: `block.timestamp / EPOCH_SECONDS`.
    function currentEpoch() external view returns (uint64);

    /// @notice Submits the measured hashrate of `pool` for `epoch`; finalizes the epoch when it reaches quorum.
    /// @dev Checks, in this order: `EpochNotCurrent`, `EpochNotAfterLatest`, `AlreadySubmitted`. The submission that
    /// would finalize a value moving more than `maxChangeBps` reverts `HashrateChangeTooLarge`; earlier submissions
    /// stay pending. Keeps INV-8.
    /// @param pool The pool (share token) the report is for.
    /// @param epoch The current or the previous epoch, newer than the pool's latest finalized epoch.
    /// @param hashrateTHs The measured hashrate in whole TH/s.
    function reportHashrate(address pool, uint64 epoch, uint256 hashrateTHs) external;

    /// @notice The pool's latest finalized report.
    /// @return hashrateTHs The finalized hashrate in whole TH/s (0 for a pool with no report).
    /// @return epoch The epoch of that report.
    /// @return updatedAt The block timestamp at which it finalized (0 for a pool with no report).
    function latestHashrate(address pool) external view returns (uint256 hashrateTHs, uint64 epoch, uint64 updatedAt);

    /// @notice Sets the number of distinct counted reporters that finalize an epoch (at least 1). Admin only.
    function setQuorum(uint8 quorum) external;

    /// @notice Bounds how far a finalized value may move from a non-zero previous value, in basis points
    /// (0 = unbounded; a move of exactly `bps` is accepted). Admin only. Since a pool finalizes at most once per
    /// epoch, this bounds its growth per day (INV-8).
    function setMaxChangeBps(address pool, uint32 bps) external;

    /// @notice The number of distinct counted reporters that finalize an epoch.
    function quorum() external view returns (uint8);

    /// @notice The largest accepted move of `pool`'s finalized value, in basis points (0 = unbounded).
    function maxChangeBps(address pool) external view returns (uint32);

    /// @notice How many reporters have submitted for (pool, epoch), including any whose
    /// reporter's role was since revoked (those no longer count toward the quorum).
    function submissionCount(address pool, uint64 epoch) external view returns (uint256);

    /// @notice Whether `reporter` has submitted for (pool, epoch).
    function hasSubmitted(address pool, uint64 epoch, address reporter) external view returns (bool);
}
