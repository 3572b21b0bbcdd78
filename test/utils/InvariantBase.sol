// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {TestBase} from "./TestBase.sol";

/// @title InvariantBase
/// @notice The part of forge-std's `StdInvariant` that Hardhat's invariant runner (EDR) reads: it calls
/// `targetContracts()` and `targetSelectors()` on the test contract after `setUp()` to learn which contracts and
/// functions to call at random. Without them every contract deployed in `setUp()` would be fuzzed.
abstract contract InvariantBase is TestBase {
    /// @dev Same layout as forge-std's `StdInvariant.FuzzSelector` (the runner ABI-decodes it).
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    address[] private _targetedContracts;
    FuzzSelector[] private _targetedSelectors;

    /// @notice Read by the runner: the contracts whose functions are called at random.
    function targetContracts() public view returns (address[] memory) {
        return _targetedContracts;
    }

    /// @notice Read by the runner: the only functions of each targeted contract that are called.
    function targetSelectors() public view returns (FuzzSelector[] memory) {
        return _targetedSelectors;
    }

    function targetContract(address target) internal {
        _targetedContracts.push(target);
    }

    function targetSelector(FuzzSelector memory selector) internal {
        _targetedSelectors.push(selector);
    }
}
