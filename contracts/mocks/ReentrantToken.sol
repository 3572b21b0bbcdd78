// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title ReentrantToken
/// @notice Test token whose transfer hook calls back into a target (e.g. the pool's claim or depositRevenue)
/// once armed, to prove the target's reentrancy guard.
contract ReentrantToken is ERC20 {
    address public callTarget;
    bytes public callData;
    bool public armed;
    bool public lastCallSucceeded;
    bytes public lastRevertData;

    constructor() ERC20("Reentrant Token", "REE") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function arm(address target_, bytes calldata callData_) external {
        callTarget = target_;
        callData = callData_;
        armed = true;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (armed && from != address(0)) {
            armed = false;
            // solhint-disable-next-line avoid-low-level-calls
            (bool ok, bytes memory data) = callTarget.call(callData);
            lastCallSucceeded = ok;
            lastRevertData = data;
            // Bubble the revert up so the outer call fails visibly.
            if (!ok) {
                assembly ("memory-safe") {
                    revert(add(data, 32), mload(data))
                }
            }
        }
    }
}
