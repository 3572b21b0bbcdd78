// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {HashrateOracle} from "../../contracts/HashrateOracle.sol";

import {TestBase} from "./TestBase.sol";

/// @title OracleFixture
/// @notice The oracle the fuzz tests start from: deployed at `START` (a 2023 timestamp, clock epoch 19 675) with
/// quorum 1, and `count` reporters at 0x7E00, 0x7E01, … holding `REPORTER_ROLE`, granted by `ADMIN`.
abstract contract OracleFixture is TestBase {
    uint256 internal constant BPS = 10_000;
    address internal constant ADMIN = address(0xAD);
    address internal constant POOL = address(0x9001);
    uint256 internal constant START = 1_700_000_000;

    HashrateOracle internal oracle;
    address[] internal reporters;

    /// @notice Warps to `START`, deploys the oracle and grants `count` reporters.
    function deployOracle(uint256 count) internal {
        vm.warp(START);
        oracle = new HashrateOracle(ADMIN, 1);
        bytes32 role = oracle.REPORTER_ROLE();
        vm.startPrank(ADMIN);
        for (uint256 i = 0; i < count; ++i) {
            reporters.push(address(uint160(0x7E00 + i)));
            oracle.grantRole(role, reporters[i]);
        }
        vm.stopPrank();
    }
}
