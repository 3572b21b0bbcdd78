// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MockERC20} from "./MockERC20.sol";

/// @title MockWBTC
/// @notice Wrapped-bitcoin stand-in for local chains: 8 decimals, open faucet.
contract MockWBTC is MockERC20 {
    constructor() MockERC20("Mock Wrapped BTC", "WBTC", 8) {}
}
