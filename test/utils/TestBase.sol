// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Vm, VM_ADDRESS} from "./Vm.sol";

/// @title TestBase
/// @notice A tiny assertion base for Solidity tests without forge-std: every failed assertion reverts with a message
/// that names both values, which is what fails a test (or an invariant) in Hardhat's Solidity test runner.
abstract contract TestBase {
    // solhint-disable-next-line const-name-snakecase
    Vm internal constant vm = Vm(VM_ADDRESS); // the name every Solidity test reader expects

    error AssertionFailed(string message, uint256 left, uint256 right);
    error AssertionFailedAddress(string message, address left, address right);
    error InvalidBound(uint256 min, uint256 max);

    function assertTrue(bool condition, string memory message) internal pure {
        if (!condition) revert AssertionFailed(message, 0, 1);
    }

    function assertEq(uint256 left, uint256 right, string memory message) internal pure {
        if (left != right) revert AssertionFailed(message, left, right);
    }

    function assertEq(address left, address right, string memory message) internal pure {
        if (left != right) revert AssertionFailedAddress(message, left, right);
    }

    function assertLe(uint256 left, uint256 right, string memory message) internal pure {
        if (left > right) revert AssertionFailed(message, left, right);
    }

    function assertGe(uint256 left, uint256 right, string memory message) internal pure {
        if (left < right) revert AssertionFailed(message, left, right);
    }

    /// @notice `|left − right| ≤ maxDelta`.
    function assertApproxEq(uint256 left, uint256 right, uint256 maxDelta, string memory message) internal pure {
        uint256 delta = left > right ? left - right : right - left;
        if (delta > maxDelta) revert AssertionFailed(message, left, right);
    }

    /// @notice Maps any `x` into `[min, max]` (uniform enough for fuzzing; identity when already inside).
    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        if (min > max) revert InvalidBound(min, max);
        if (x >= min && x <= max) return x;
        uint256 size = max - min;
        if (size == type(uint256).max) return x;
        return min + (x % (size + 1));
    }
}
