// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IMiningPoolShare} from "../../../contracts/interfaces/IMiningPoolShare.sol";

import {ADMIN, HandlerBase, PAUSER, TOKENS} from "./HandlerBase.sol";

/// @title GuardChecks
/// @notice The pool's guard rails, checked: the bounded pause (a pause lasts at most `MAX_PAUSE_DURATION`, the next
/// starts no earlier than `PAUSE_COOLDOWN` after it ended; the handler keeps its own `pausedUntil` and predicts each
/// refusal), donations of payout and other tokens straight to the pool, and `skim`, which must send exactly what no
/// holder can be owed and leave every claimable as it was (INV-9).
abstract contract GuardChecks is HandlerBase {
    uint64 public constant MAX_PAUSE = 7 days;
    uint64 public constant COOLDOWN = 1 days;

    /// @notice The model's `pausedUntil()`.
    uint64 public ghostPausedUntil;
    uint256 public pauses;
    uint256 public expiredPauses;
    uint256 public skims;

    /// @dev Pause, refused with `EnforcedPause` while paused and `PauseCooldown(end + cooldown)` within the cooldown.
    function _pauseChecked() internal {
        bytes memory expected;
        uint64 until = ghostPausedUntil;
        if (block.timestamp < until) {
            expected = abi.encodeWithSelector(IMiningPoolShare.EnforcedPause.selector);
        } else if (until != 0 && block.timestamp < uint256(until) + COOLDOWN) {
            expected = abi.encodeWithSelector(IMiningPoolShare.PauseCooldown.selector, until + COOLDOWN);
        }
        vm.prank(PAUSER);
        try pool.pause() {
            if (expected.length != 0) _violation(K_LIVENESS, "INV-7: a pause started while paused or in the cooldown");
            ghostPausedUntil = uint64(block.timestamp) + MAX_PAUSE;
            ++pauses;
        } catch (bytes memory reason) {
            _expectReason(reason, expected, K_LIVENESS, "INV-7: pause refused with the wrong error");
        }
        _checkPauseState();
    }

    /// @dev Unpause, refused with `ExpectedPause` unless paused; ends the pause now.
    function _unpauseChecked() internal {
        bool paused = block.timestamp < ghostPausedUntil;
        vm.prank(PAUSER);
        try pool.unpause() {
            if (!paused) _violation(K_BEHAVIOUR, "unpause: succeeded while not paused");
            ghostPausedUntil = uint64(block.timestamp);
        } catch (bytes memory reason) {
            _expectReason(
                reason,
                paused ? bytes("") : abi.encodeWithSelector(IMiningPoolShare.ExpectedPause.selector),
                K_BEHAVIOUR,
                "unpause: wrong revert"
            );
        }
        _checkPauseState();
    }

    /// @dev INV-7: `pausedUntil()` is the model's, never more than `MAX_PAUSE_DURATION` ahead, and `paused()` is
    /// exactly `now < pausedUntil()`.
    function _checkPauseState() internal {
        uint64 until = pool.pausedUntil();
        if (until != ghostPausedUntil) _violation(K_LIVENESS, "INV-7: pausedUntil differs from the model");
        if (until > block.timestamp + MAX_PAUSE) _violation(K_LIVENESS, "INV-7: a pause lasts beyond 7 days");
        if (pool.paused() != (block.timestamp < until)) _violation(K_LIVENESS, "INV-7: paused() != now < pausedUntil");
    }

    /// @dev Sends `amount` of payout token `index` (or, for index TOKENS, the stray token) straight to the pool.
    function _donate(uint256 index, uint256 amount) internal {
        if (index < TOKENS) _faucet(index, address(pool), amount);
        else stray.mint(address(pool), amount);
        ghostDonated[index] += amount;
    }

    /// @dev The admin skims token `index` to `to`: exactly the donations (balance − (deposited − claimed)), all of a
    /// non-payout token; `InvalidRecipient` for the zero address; no claimable moves.
    function _skimChecked(uint256 index, address to) internal {
        IERC20 token = index < TOKENS ? payoutToken(index) : IERC20(address(stray));
        uint256 balance = token.balanceOf(address(pool));
        uint256 owed = index < TOKENS ? pool.totalDeposited(token) - pool.totalClaimed(token) : 0;
        uint256 expected = balance - owed;
        uint256[TOKENS][] memory before = _snapshot(address(0));
        uint256 toBefore = token.balanceOf(to);
        vm.prank(ADMIN);
        try pool.skim(token, to) returns (uint256 amount) {
            if (to == address(0)) _violation(K_STRANDED, "INV-9: skim to the zero address went through");
            if (amount != expected) _violation(K_STRANDED, "INV-9: skim sent other than balance - owed");
            if (expected != ghostDonated[index]) _violation(K_STRANDED, "INV-9: skim amount is not the donations");
            if (token.balanceOf(to) != toBefore + amount) _violation(K_STRANDED, "INV-9: skim recipient not paid");
            if (token.balanceOf(address(pool)) != owed) {
                _violation(K_STRANDED, "INV-9: after a skim, balance != totalDeposited - totalClaimed");
            }
            if (!_unchanged(before, address(0))) _violation(K_STRANDED, "INV-9: a skim changed a claimable");
            ghostDonated[index] = 0;
            if (amount > 0) ++skims;
        } catch (bytes memory reason) {
            _expectReason(
                reason,
                abi.encodeWithSelector(IMiningPoolShare.InvalidRecipient.selector, to),
                K_STRANDED,
                "INV-9: skim refused with the wrong error"
            );
        }
    }
}
