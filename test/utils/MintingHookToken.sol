// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

import {MiningPoolShare} from "../../contracts/MiningPoolShare.sol";

/// @title MintingHookToken
/// @notice A hostile 18-decimal payout token, for the invariant tests: whenever the pool pulls it in (a deposit's
/// `transferFrom`) or pays it out (a claim), its transfer hook tries to mint shares on the pool — it holds
/// `MINTER_ROLE`, and the pool has backing to spare — to `beneficiary`. A mint in the middle of a deposit would be
/// divided over a supply read before it (claimables above the balance: INV-2 broken), so the pool's re-entrancy lock
/// must refuse it. The hook swallows the refusal, so the outer deposit or claim goes on, and records the outcome:
/// `attempts` and `successes` (which must stay 0).
contract MintingHookToken is ERC20 {
    MiningPoolShare public pool;
    address public beneficiary;
    uint256 public attempts;
    uint256 public successes;
    bytes public lastRevertData;

    constructor() ERC20("Hook Token", "HOOK") {}

    /// @notice Aims the hook; until then it does nothing (the pool's constructor needs the token's address first).
    function aim(MiningPoolShare pool_, address beneficiary_) external {
        pool = pool_;
        beneficiary = beneficiary_;
    }

    /// @notice Faucet for the tests.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        MiningPoolShare target = pool;
        if (address(target) == address(0) || from == address(0)) return;
        if (from != address(target) && to != address(target)) return;
        uint256 available = target.mintableShares();
        if (available == 0) return;
        ++attempts;
        try target.mint(beneficiary, available > 1 ? available / 2 : 1) {
            ++successes;
        } catch (bytes memory reason) {
            lastRevertData = reason;
        }
    }
}
