// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {MiningPoolShare} from "../MiningPoolShare.sol";

/// @title PoolLens
/// @notice Test-only reader: one `eth_call` returns every value the model tests compare after each step (share
/// balances, claimables, and per payout token the pool's balance, deposited and claimed totals).
contract PoolLens {
    struct TokenState {
        uint256 poolBalance;
        uint256 totalDeposited;
        uint256 totalClaimed;
        uint256 miningRevenue;
        uint256 aiRevenue;
        uint256[] claimables;
    }

    /// @param pool The pool to read.
    /// @param accounts Accounts whose share balances and claimables are returned (in this order).
    /// @return totalSupply The pool's share supply.
    /// @return shareBalances Share balance of each account.
    /// @return tokens One entry per payout token, in `payoutTokens()` order.
    function snapshot(
        MiningPoolShare pool,
        address[] calldata accounts
    ) external view returns (uint256 totalSupply, uint256[] memory shareBalances, TokenState[] memory tokens) {
        totalSupply = pool.totalSupply();
        shareBalances = new uint256[](accounts.length);
        for (uint256 a = 0; a < accounts.length; ++a) {
            shareBalances[a] = pool.balanceOf(accounts[a]);
        }
        IERC20[] memory payout = pool.payoutTokens();
        tokens = new TokenState[](payout.length);
        for (uint256 t = 0; t < payout.length; ++t) {
            IERC20 token = payout[t];
            TokenState memory state = tokens[t];
            state.poolBalance = token.balanceOf(address(pool));
            state.totalDeposited = pool.totalDeposited(token);
            state.totalClaimed = pool.totalClaimed(token);
            state.miningRevenue = pool.revenueBySource(token, 0);
            state.aiRevenue = pool.revenueBySource(token, 1);
            state.claimables = new uint256[](accounts.length);
            for (uint256 a = 0; a < accounts.length; ++a) {
                state.claimables[a] = pool.claimable(accounts[a], token);
            }
        }
    }
}
