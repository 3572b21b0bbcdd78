// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IMiningPoolShare} from "../../../contracts/interfaces/IMiningPoolShare.sol";

import {ADMIN, HandlerBase, TOKENS} from "./HandlerBase.sol";

/// @title ClaimChecks
/// @notice Every way revenue leaves the pool, checked: `claim`, `claimTo`, `claimAll`, and, by a named claimer,
/// `claimOnBehalf` and `claimAllOnBehalf`. A claim that the spec allows must go through whatever the pause, roles or
/// oracle (INV-7) and pay exactly the claimable (a second one pays 0, INV-6); one it refuses must revert with exactly
/// `NotClaimer` or `InvalidRecipient`. Also who may name a claimer: the holder itself, or the admin for a contract
/// holder that has not chosen (INV-9).
abstract contract ClaimChecks is HandlerBase {
    enum ClaimKind {
        Claim,
        ClaimTo,
        ClaimAll,
        OnBehalf,
        AllOnBehalf
    }

    /// @notice Holders that named their claimer themselves (their choice stands).
    mapping(address holder => bool) public choseClaimer;
    uint256 public claims;
    uint256 public claimsOnBehalf;
    uint256 public claimersSet;

    /// @dev `caller` claims `holder`'s revenue (`tokenIndex` for single-token kinds) to `recipient`.
    function _claimChecked(
        ClaimKind kind,
        address caller,
        address holder,
        uint256 tokenIndex,
        address recipient
    ) internal {
        bytes memory refusal = _expectedClaimRefusal(kind, caller, holder, recipient);
        uint256[TOKENS] memory expected = _claimables(holder);
        uint256[TOKENS] memory recipientBefore;
        uint256[TOKENS] memory poolBefore;
        for (uint256 t = 0; t < TOKENS; ++t) {
            recipientBefore[t] = payoutToken(t).balanceOf(recipient);
            poolBefore[t] = payoutToken(t).balanceOf(address(pool));
        }
        (bool ok, uint256[] memory paid, bytes memory reason) = _tryClaim(kind, caller, holder, tokenIndex, recipient);
        if (refusal.length != 0) {
            if (ok) _violation(K_STRANDED, "claim: a claim the spec refuses went through");
            else _expectReason(reason, refusal, K_STRANDED, "claim: refused with the wrong error");
            return;
        }
        if (!ok) {
            _violation(K_LIVENESS, "INV-7: a claim the spec allows reverted");
            return;
        }
        bool all = kind == ClaimKind.ClaimAll || kind == ClaimKind.AllOnBehalf;
        for (uint256 t = 0; t < TOKENS; ++t) {
            if (!all && t != tokenIndex) continue;
            uint256 amount = all ? paid[t] : paid[0];
            _checkPaid(t, amount, expected[t], recipient, recipientBefore[t], poolBefore[t]);
        }
        if (kind == ClaimKind.OnBehalf || kind == ClaimKind.AllOnBehalf) ++claimsOnBehalf;
        // INV-6: the same claim again pays 0.
        (ok, paid, ) = _tryClaim(kind, caller, holder, tokenIndex, recipient);
        if (!ok) _violation(K_LIVENESS, "INV-7: a second claim reverted");
        for (uint256 i = 0; ok && i < paid.length; ++i) {
            if (paid[i] != 0) _violation(K_IDEMPOTENCE, "INV-6: a second claim paid");
        }
    }

    /// @dev The contract's order: `NotClaimer` (on-behalf kinds), then `InvalidRecipient`. Empty when allowed.
    function _expectedClaimRefusal(
        ClaimKind kind,
        address caller,
        address holder,
        address recipient
    ) internal view returns (bytes memory) {
        if (kind == ClaimKind.OnBehalf || kind == ClaimKind.AllOnBehalf) {
            if (caller != pool.claimerOf(holder)) {
                return abi.encodeWithSelector(IMiningPoolShare.NotClaimer.selector, caller, holder);
            }
            if (recipient == address(0)) {
                return abi.encodeWithSelector(IMiningPoolShare.InvalidRecipient.selector, recipient);
            }
        }
        if (kind == ClaimKind.ClaimTo && recipient == address(0)) {
            return abi.encodeWithSelector(IMiningPoolShare.InvalidRecipient.selector, recipient);
        }
        return "";
    }

    function _tryClaim(
        ClaimKind kind,
        address caller,
        address holder,
        uint256 tokenIndex,
        address recipient
    ) internal returns (bool ok, uint256[] memory paid, bytes memory reason) {
        IERC20 token = payoutToken(tokenIndex);
        paid = new uint256[](1);
        vm.prank(caller);
        if (kind == ClaimKind.Claim) {
            try pool.claim(token) returns (uint256 amount) {
                paid[0] = amount;
                return (true, paid, "");
            } catch (bytes memory r) {
                return (false, paid, r);
            }
        } else if (kind == ClaimKind.ClaimTo) {
            try pool.claimTo(token, recipient) returns (uint256 amount) {
                paid[0] = amount;
                return (true, paid, "");
            } catch (bytes memory r) {
                return (false, paid, r);
            }
        } else if (kind == ClaimKind.OnBehalf) {
            try pool.claimOnBehalf(holder, token, recipient) returns (uint256 amount) {
                paid[0] = amount;
                return (true, paid, "");
            } catch (bytes memory r) {
                return (false, paid, r);
            }
        } else if (kind == ClaimKind.ClaimAll) {
            try pool.claimAll() returns (uint256[] memory amounts) {
                return (amounts.length == TOKENS, amounts, "");
            } catch (bytes memory r) {
                return (false, paid, r);
            }
        }
        try pool.claimAllOnBehalf(holder, recipient) returns (uint256[] memory amounts) {
            return (amounts.length == TOKENS, amounts, "");
        } catch (bytes memory r) {
            return (false, paid, r);
        }
    }

    function _checkPaid(
        uint256 tokenIndex,
        uint256 paid,
        uint256 expected,
        address recipient,
        uint256 recipientBefore,
        uint256 poolBefore
    ) internal {
        IERC20 token = payoutToken(tokenIndex);
        if (paid != expected) _violation(K_BEHAVIOUR, "claim: paid differs from claimable");
        if (token.balanceOf(recipient) != recipientBefore + paid) {
            _violation(K_BEHAVIOUR, "claim: recipient did not receive the amount");
        }
        if (token.balanceOf(address(pool)) != poolBefore - paid) {
            _violation(K_BEHAVIOUR, "claim: pool balance did not fall by the amount");
        }
        ghostClaimed[tokenIndex] += paid;
        if (paid > 0) ++claims;
    }

    /// @dev `holder` names `claimer` itself: always allowed, and from then on its choice stands.
    function _setClaimerChecked(address holder, address claimer) internal {
        vm.prank(holder);
        try pool.setClaimer(claimer) {
            choseClaimer[holder] = true;
            ++claimersSet;
            if (pool.claimerOf(holder) != claimer) _violation(K_STRANDED, "INV-9: setClaimer did not set the claimer");
        } catch {
            _violation(K_STRANDED, "INV-9: setClaimer reverted");
        }
    }

    /// @dev The admin names `claimer` for `holder`: only for a contract (`HolderNotContract`) that has not chosen
    /// itself (`ClaimerSetByHolder`), in that order.
    function _setClaimerForChecked(address holder, address claimer) internal {
        bytes memory refusal;
        if (holder.code.length == 0) {
            refusal = abi.encodeWithSelector(IMiningPoolShare.HolderNotContract.selector, holder);
        } else if (choseClaimer[holder]) {
            refusal = abi.encodeWithSelector(IMiningPoolShare.ClaimerSetByHolder.selector, holder);
        }
        address before = pool.claimerOf(holder);
        vm.prank(ADMIN);
        try pool.setClaimerFor(holder, claimer) {
            if (refusal.length != 0) _violation(K_STRANDED, "INV-9: the admin overrode a holder's choice or an EOA");
            ++claimersSet;
            if (pool.claimerOf(holder) != claimer) _violation(K_STRANDED, "INV-9: setClaimerFor did not set it");
        } catch (bytes memory reason) {
            _expectReason(reason, refusal, K_STRANDED, "INV-9: setClaimerFor refused with the wrong error");
            if (pool.claimerOf(holder) != before) _violation(K_STRANDED, "INV-9: a refused setClaimerFor changed it");
        }
    }
}
