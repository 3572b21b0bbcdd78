// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title TransientReentrancyGuard
/// @notice OpenZeppelin's `ReentrancyGuardTransient` semantics written with a `transient` state variable.
/// @dev OZ's version stores the lock with inline `tstore`, for which solc 0.8.37 always emits a warning, and this
/// project compiles with warnings as errors. A `transient` variable compiles to the same TLOAD/TSTORE without it.
/// The lock is released at the end of every guarded call, so it is safe within one transaction.
abstract contract TransientReentrancyGuard {
    bool private transient _entered;

    /// @notice A guarded function was re-entered (same selector as OpenZeppelin's).
    error ReentrancyGuardReentrantCall();

    modifier nonReentrant() {
        if (_entered) revert ReentrancyGuardReentrantCall();
        _entered = true;
        _;
        _entered = false;
    }
}
