// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IMiningPoolShare} from "../../../contracts/interfaces/IMiningPoolShare.sol";

import {DISTRIBUTOR, MAX_REPORT_AGE, MINTER, SHARES_PER_THS, TOKENS} from "./HandlerBase.sol";
import {ProRata} from "./ProRata.sol";

/// @title LedgerChecks
/// @notice Mints, transfers and deposits, each checked on the spot: INV-1 (no mint beyond a fresh backing), INV-5
/// (no claimable moves), INV-4 (each deposit credits pro rata, see `ProRata`), INV-6 (an epoch is funded once), the
/// exact error of every refusal, shares never sent to the pool itself (INV-9), and the hostile payout token's hook,
/// which tries to mint in the middle of every deposit and must always be refused (INV-2).
abstract contract LedgerChecks is ProRata {
    struct FundedEpoch {
        uint8 tokenIndex;
        uint8 source;
        uint64 epoch;
    }

    FundedEpoch[] internal _funded;
    uint64[2][TOKENS] internal _nextEpoch; // [token index][source]

    uint256 public ghostSupplyAtLastMint;
    uint256 public ghostBackingAtLastMint;
    uint256 public mints;
    uint256 public transfers;
    uint256 public deposits;
    uint256 public pausedRejections;

    function fundedCount() external view returns (uint256) {
        return _funded.length;
    }

    function funded(uint256 index) external view returns (FundedEpoch memory) {
        return _funded[index];
    }

    function _mintChecked(address to, uint256 amount) internal {
        (uint256 hashrateTHs, , uint64 updatedAt) = oracle.latestHashrate(address(pool));
        uint256 supply = pool.totalSupply();
        uint256 backing = hashrateTHs * SHARES_PER_THS; // ≤ 1e9 · 1e18 (the handler's reports stay below the cap)
        bool fresh = updatedAt != 0 && block.timestamp <= uint256(updatedAt) + MAX_REPORT_AGE;
        uint256 available = fresh && backing > supply ? backing - supply : 0;
        bool paused = pool.paused();
        uint256[TOKENS][] memory before = _snapshot(to);

        vm.prank(MINTER);
        try pool.mint(to, amount) {
            if (!fresh || amount > available || paused) {
                _violation(K_BACKING, "INV-1: a mint beyond the backing, on a stale report or while paused succeeded");
            }
            uint256 supplyAfter = pool.totalSupply();
            if (supplyAfter > backing) _violation(K_BACKING, "INV-1: supply above reported hashrate x sharesPerTHs");
            if (supplyAfter != supply + amount) _violation(K_BEHAVIOUR, "mint: supply did not grow by the amount");
            ghostSupplyAtLastMint = supplyAfter;
            ghostBackingAtLastMint = backing;
            _addEverHolder(to);
            if (!_unchanged(before, to)) _violation(K_NEUTRALITY, "INV-5: a mint changed a claimable");
            ++mints;
        } catch (bytes memory reason) {
            bytes memory expected;
            if (amount == 0) {
                expected = abi.encodeWithSelector(IMiningPoolShare.ZeroAmount.selector);
            } else if (!fresh) {
                expected = abi.encodeWithSelector(
                    IMiningPoolShare.StaleHashrateReport.selector,
                    updatedAt,
                    MAX_REPORT_AGE
                );
            } else if (amount > available) {
                expected = abi.encodeWithSelector(IMiningPoolShare.ExceedsHashrateBacking.selector, amount, available);
            } else if (paused) {
                expected = abi.encodeWithSelector(IMiningPoolShare.EnforcedPause.selector);
                ++pausedRejections;
            } else if (to == address(pool)) {
                expected = abi.encodeWithSelector(IERC20Errors.ERC20InvalidReceiver.selector, to);
            }
            _expectReason(reason, expected, K_BEHAVIOUR, "mint: wrong revert");
        }
    }

    /// @dev `spender` zero: a direct transfer; otherwise through an allowance. `to` may be the pool itself, which
    /// must be refused (`ERC20InvalidReceiver`, after the pause check).
    function _transferChecked(address from, address to, uint256 amount, address spender) internal {
        bool paused = pool.paused();
        uint256 fromBefore = pool.balanceOf(from);
        uint256 toBefore = pool.balanceOf(to);
        uint256[TOKENS][] memory before = _snapshot(to);
        bytes memory expected;
        if (paused) expected = abi.encodeWithSelector(IMiningPoolShare.EnforcedPause.selector);
        else if (to == address(pool)) expected = abi.encodeWithSelector(IERC20Errors.ERC20InvalidReceiver.selector, to);

        bool ok;
        bytes memory reason;
        if (spender != address(0)) {
            vm.prank(from);
            pool.approve(spender, amount);
        }
        vm.prank(spender == address(0) ? from : spender);
        if (spender == address(0)) {
            try pool.transfer(to, amount) {
                ok = true;
            } catch (bytes memory r) {
                reason = r;
            }
        } else {
            try pool.transferFrom(from, to, amount) {
                ok = true;
            } catch (bytes memory r) {
                reason = r;
            }
        }
        if (!ok) {
            if (paused) ++pausedRejections;
            _expectReason(reason, expected, K_BEHAVIOUR, "transfer: wrong revert");
            return;
        }
        if (expected.length != 0) _violation(K_BEHAVIOUR, "transfer: succeeded while paused or to the pool");
        if (from == to) {
            if (pool.balanceOf(from) != fromBefore) _violation(K_BEHAVIOUR, "self-transfer changed the balance");
        } else if (pool.balanceOf(from) != fromBefore - amount || pool.balanceOf(to) != toBefore + amount) {
            _violation(K_BEHAVIOUR, "transfer: balances did not move by the amount");
        }
        _addEverHolder(to);
        if (!_unchanged(before, to)) _violation(K_NEUTRALITY, "INV-5: a transfer changed a claimable");
        ++transfers;
    }

    function _depositChecked(uint8 tokenIndex, uint8 source, uint64 epoch, uint256 amount) internal {
        IERC20 token = payoutToken(tokenIndex);
        uint256 supply = pool.totalSupply();
        bool paused = pool.paused();
        uint256[TOKENS][] memory before = _snapshot(address(0));
        uint256[] memory balances = _balances();
        uint256 bySourceBefore = pool.revenueBySource(token, source);
        uint256 hookSuccesses = hook.successes();

        _faucet(tokenIndex, DISTRIBUTOR, amount);
        vm.prank(DISTRIBUTOR);
        token.approve(address(pool), amount);
        vm.prank(DISTRIBUTOR);
        try pool.depositRevenue(token, amount, source, epoch) {
            if (paused || supply == 0) _violation(K_BEHAVIOUR, "deposit: succeeded while paused or with no holders");
            if (hook.successes() != hookSuccesses || pool.totalSupply() != supply) {
                _violation(K_HOOK, "INV-2: the payout token's hook minted in the middle of a deposit");
            }
            ghostDeposited[tokenIndex] += amount;
            _nextEpoch[tokenIndex][source] = epoch + 1;
            _funded.push(FundedEpoch(tokenIndex, source, epoch));
            ++deposits;
            if (!pool.isEpochFunded(token, source, epoch)) {
                _violation(K_IDEMPOTENCE, "INV-6: a funded epoch is not marked funded");
            }
            if (pool.revenueBySource(token, source) != bySourceBefore + amount) {
                _violation(K_BEHAVIOUR, "deposit: revenueBySource did not grow by the amount");
            }
            _checkDeposit(before, balances, tokenIndex, amount, supply);
            // INV-6: the same (token, source, epoch) again is refused, whatever the amount.
            _expectDepositRefused(FundedEpoch(tokenIndex, source, epoch), amount);
        } catch (bytes memory reason) {
            bytes memory expected;
            if (paused) {
                expected = abi.encodeWithSelector(IMiningPoolShare.EnforcedPause.selector);
                ++pausedRejections;
            } else if (supply == 0) {
                expected = abi.encodeWithSelector(IMiningPoolShare.NoSharesOutstanding.selector);
            }
            _expectReason(reason, expected, K_BEHAVIOUR, "deposit: wrong revert");
            vm.prank(DISTRIBUTOR);
            token.approve(address(pool), 0); // leave no stray allowance behind
        }
    }

    /// @dev INV-6: a funded (token, source, epoch) is refused with `EpochAlreadyFunded` (or `EnforcedPause` first,
    /// while paused) and changes no total.
    function _expectDepositRefused(FundedEpoch memory replay, uint256 amount) internal {
        IERC20 token = payoutToken(replay.tokenIndex);
        uint256 depositedBefore = pool.totalDeposited(token);
        bool paused = pool.paused();
        _faucet(replay.tokenIndex, DISTRIBUTOR, amount);
        vm.startPrank(DISTRIBUTOR);
        token.approve(address(pool), amount);
        try pool.depositRevenue(token, amount, replay.source, replay.epoch) {
            _violation(K_IDEMPOTENCE, "INV-6: an epoch was funded twice");
        } catch (bytes memory reason) {
            bytes memory expected =
                paused
                    ? abi.encodeWithSelector(IMiningPoolShare.EnforcedPause.selector)
                    : abi.encodeWithSelector(
                        IMiningPoolShare.EpochAlreadyFunded.selector,
                        address(token),
                        replay.source,
                        replay.epoch
                    );
            _expectReason(reason, expected, K_IDEMPOTENCE, "INV-6: wrong replay revert");
        }
        token.approve(address(pool), 0);
        vm.stopPrank();
        if (pool.totalDeposited(token) != depositedBefore) _violation(K_IDEMPOTENCE, "INV-6: a replay was credited");
    }

    /// @dev INV-4 for every ever-holder over one deposit (see `ProRata`), then the carry the pool keeps.
    function _checkDeposit(
        uint256[TOKENS][] memory before,
        uint256[] memory balances,
        uint8 tokenIndex,
        uint256 amount,
        uint256 supply
    ) internal {
        IERC20 token = payoutToken(tokenIndex);
        uint256[] memory rises = new uint256[](balances.length);
        for (uint256 i = 0; i < balances.length; ++i) {
            uint256 afterAmount = pool.claimable(_everHolders[i], token);
            if (afterAmount < before[i][tokenIndex]) {
                _violation(K_PRO_RATA, "INV-4: a deposit lowered a claimable");
                return;
            }
            rises[i] = afterAmount - before[i][tokenIndex];
        }
        string memory breach = _checkProRata(rises, balances, tokenIndex, amount, supply);
        if (bytes(breach).length != 0) _violation(K_PRO_RATA, breach);
    }

    function _balances() internal view returns (uint256[] memory balances) {
        balances = new uint256[](_everHolders.length);
        for (uint256 i = 0; i < balances.length; ++i) {
            balances[i] = pool.balanceOf(_everHolders[i]);
        }
    }
}
