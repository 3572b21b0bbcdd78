// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IMiningPoolShare} from "../interfaces/IMiningPoolShare.sol";

/// @title ContractHolder
/// @notice Test-only share holder that is a contract and never calls `claim` (an AMM pair, a vault or a bridge in
/// miniature): revenue accrued to it is stranded unless someone may claim it on its behalf (INV-9). It can name its
/// own claimer, as a contract whose code allows that would.
contract ContractHolder {
    /// @notice Names `claimer` as the one who may claim this contract's revenue on `pool`.
    function chooseClaimer(IMiningPoolShare pool, address claimer) external {
        pool.setClaimer(claimer);
    }

    /// @notice Moves shares held by this contract (as a pair would on a swap).
    function send(IMiningPoolShare pool, address to, uint256 amount) external {
        pool.transfer(to, amount);
    }
}
