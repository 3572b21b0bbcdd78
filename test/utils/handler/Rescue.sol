// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {HashrateOracle} from "../../../contracts/HashrateOracle.sol";
import {IMiningPoolShare} from "../../../contracts/interfaces/IMiningPoolShare.sol";
import {MiningPoolShare} from "../../../contracts/MiningPoolShare.sol";

import {TestBase} from "../TestBase.sol";
import {ADMIN, DISTRIBUTOR, MINTER, PAUSER, REPORTERS, SINK, TOKENS} from "./HandlerBase.sol";
import {HandlerChecks} from "./HandlerChecks.sol";

/// @title Rescue
/// @notice What INV-7 and INV-9 do from the handler's current state to prove that nothing can stop revenue from
/// leaving: take every role away for good, have every holder and every named claimer claim, name claimers for the
/// contract holders that cannot claim, skim. Each step asserts the exact amounts.
abstract contract Rescue is TestBase {
    /// @dev Named by the admin for every contract holder that cannot claim and named nobody (INV-9).
    address internal constant RESCUER = address(0x5E5C);

    HandlerChecks internal handler;
    MiningPoolShare internal pool;
    HashrateOracle internal oracle;

    /// @dev Both admins start handing `DEFAULT_ADMIN_ROLE` over to nobody (OpenZeppelin's two-step renounce).
    function _scheduleRenounce() internal {
        vm.startPrank(ADMIN);
        pool.beginDefaultAdminTransfer(address(0));
        oracle.beginDefaultAdminTransfer(address(0));
        vm.stopPrank();
    }

    /// @dev Every operational role revoked, then both admins renounce (their 2-day delay has passed).
    function _revokeEverything() internal {
        vm.startPrank(ADMIN);
        pool.revokeRole(pool.MINTER_ROLE(), MINTER);
        pool.revokeRole(pool.MINTER_ROLE(), address(handler.hookToken()));
        pool.revokeRole(pool.DISTRIBUTOR_ROLE(), DISTRIBUTOR);
        pool.revokeRole(pool.PAUSER_ROLE(), PAUSER);
        for (uint256 i = 0; i < REPORTERS; ++i) {
            oracle.revokeRole(oracle.REPORTER_ROLE(), handler.reporter(i));
        }
        pool.renounceRole(pool.DEFAULT_ADMIN_ROLE(), ADMIN);
        oracle.renounceRole(oracle.DEFAULT_ADMIN_ROLE(), ADMIN);
        vm.stopPrank();
        assertEq(pool.defaultAdmin(), address(0), "setup: the pool kept an admin");
        assertEq(oracle.defaultAdmin(), address(0), "setup: the oracle kept an admin");
    }

    /// @dev The admin names `RESCUER` for every contract holder that cannot claim and named nobody.
    function _rescueContractHolders() internal {
        uint256 holders = handler.everHolderCount();
        for (uint256 h = 0; h < holders; ++h) {
            address holder = handler.everHolder(h);
            if (!handler.cannotCall(holder) || pool.claimerOf(holder) != address(0)) continue;
            vm.prank(ADMIN);
            pool.setClaimerFor(holder, RESCUER);
            assertEq(pool.claimerOf(holder), RESCUER, "INV-9: the admin could not name a claimer");
        }
    }

    /// @dev Every ever-holder's revenue leaves: through its claimer when it has one, then by itself if it can call.
    /// With `all`, every holder must end with nothing claimable (INV-9); without, the contract holders that cannot
    /// claim and have no claimer are skipped (INV-7 has no admin left to name one).
    function _claimEverything(bool all) internal {
        uint256 holders = handler.everHolderCount();
        for (uint256 h = 0; h < holders; ++h) {
            address holder = handler.everHolder(h);
            address claimer = pool.claimerOf(holder);
            if (claimer != address(0)) _claimAllAs(claimer, holder);
            if (!handler.cannotCall(holder)) _claimAllAs(holder, holder);
            else if (all && claimer == address(0)) assertTrue(false, "INV-9: a contract holder has no claimer");
        }
    }

    /// @dev `caller` claims everything `holder` is owed (itself with `claimAll`, else `claimAllOnBehalf` to the sink)
    /// and must be paid exactly its claimables.
    function _claimAllAs(address caller, address holder) internal {
        uint256[TOKENS] memory expected;
        address recipient = caller == holder ? holder : SINK;
        uint256[TOKENS] memory before;
        for (uint256 t = 0; t < TOKENS; ++t) {
            expected[t] = pool.claimable(holder, handler.payoutToken(t));
            before[t] = handler.payoutToken(t).balanceOf(recipient);
        }
        vm.prank(caller);
        uint256[] memory paid = caller == holder ? pool.claimAll() : pool.claimAllOnBehalf(holder, recipient);
        for (uint256 t = 0; t < TOKENS; ++t) {
            assertEq(paid[t], expected[t], "claim: paid a different amount than claimable");
            assertEq(handler.payoutToken(t).balanceOf(recipient), before[t] + expected[t], "claim: not received");
        }
    }

    /// @dev What the contract holders that cannot claim and have no claimer are owed of token `t` (stranded until
    /// the admin names a claimer: INV-9).
    function _leftToStranded(uint256 t) internal view returns (uint256 sum) {
        uint256 holders = handler.everHolderCount();
        for (uint256 h = 0; h < holders; ++h) {
            address holder = handler.everHolder(h);
            if (handler.cannotCall(holder) && pool.claimerOf(holder) == address(0)) {
                sum += pool.claimable(holder, handler.payoutToken(t));
            }
        }
    }

    /// @dev Skims every payout token and the stray token: exactly the donations, leaving each payout token at
    /// totalDeposited − totalClaimed, which is at most one base unit per ever-holder once all have claimed (INV-3).
    function _skimEverything() internal {
        for (uint256 t = 0; t <= TOKENS; ++t) {
            IERC20 token = t < TOKENS ? handler.payoutToken(t) : handler.strayToken();
            vm.prank(ADMIN);
            uint256 amount = pool.skim(token, SINK);
            assertEq(amount, handler.ghostDonated(t), "INV-9: skim took other than the donations");
            if (t == TOKENS) continue;
            uint256 outstanding = pool.totalDeposited(token) - pool.totalClaimed(token);
            assertEq(token.balanceOf(address(pool)), outstanding, "INV-9: after a skim, balance != owed");
            assertLe(outstanding, handler.everHolderCount(), "INV-3: more than a unit per ever-holder left");
        }
    }

    /// @dev Shares can never be sent to the pool itself (after the pause check, while paused).
    function _assertNothingSentToPool() internal {
        uint256 holders = handler.everHolderCount();
        for (uint256 h = 0; h < holders; ++h) {
            address holder = handler.everHolder(h);
            if (pool.balanceOf(holder) == 0) continue;
            vm.expectRevert(
                pool.paused()
                    ? abi.encodeWithSelector(IMiningPoolShare.EnforcedPause.selector)
                    : abi.encodeWithSelector(IERC20Errors.ERC20InvalidReceiver.selector, address(pool))
            );
            vm.prank(holder);
            pool.transfer(address(pool), 1);
            return;
        }
    }
}
