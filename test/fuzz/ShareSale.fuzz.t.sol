// SPDX-License-Identifier: MIT
// Test names follow the project convention (`testFuzz_…`), not mixedCase.
/* solhint-disable func-name-mixedcase */
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IShareSale} from "../../contracts/interfaces/IShareSale.sol";
import {ShareSale} from "../../contracts/ShareSale.sol";

import {ADMIN, MAX_HASHRATE_THS, PoolFixture} from "../utils/PoolFixture.sol";

/// @title ShareSaleFuzzTest
/// @notice Fuzz tests of the primary sale's pricing: `quote` rounds up (nothing is ever free) and `buy` charges
/// exactly the quote.
contract ShareSaleFuzzTest is PoolFixture {
    uint256 internal constant ONE_SHARE = 1e18;
    uint256 internal constant MAX_PRICE = 1e30;
    address internal constant TREASURY = address(0x7EA5);
    address internal constant BUYER = address(0xB1);

    function setUp() public {
        _deployPool();
        _report(MAX_HASHRATE_THS);
    }

    /// @notice quote(shares) == ⌈shares·price / 1e18⌉ for every price and share amount, so it is never 0 for
    /// non-zero shares, never below the exact cost and less than one unit above it; quote(0) == 0.
    function testFuzz_saleQuoteRoundsUpAndIsNeverZero(uint256 shares, uint256 price) public {
        price = bound(price, 1, MAX_PRICE);
        shares = bound(shares, 1, 1e40);
        ShareSale sale = _deploySale(price);

        uint256 cost = sale.quote(shares);
        uint256 exact = shares * price; // ≤ 1e70 < 2^256
        assertGe(cost, 1, "a non-zero purchase was free");
        assertGe(cost * ONE_SHARE, exact, "quote below the exact cost (rounded down)");
        assertTrue((cost - 1) * ONE_SHARE < exact, "quote a whole unit or more above the exact cost");
        assertEq(cost, (exact + ONE_SHARE - 1) / ONE_SHARE, "quote != ceil(shares * price / 1e18)");
        assertEq(sale.quote(0), 0, "quote(0) != 0");
    }

    /// @notice A buy charges the treasury exactly the quote (never 0) and mints exactly the shares; one unit of
    /// maxCost below the quote is refused with `CostAboveMax(cost, maxCost)`.
    function testFuzz_saleBuyChargesExactlyTheQuote(uint256 shares, uint256 price) public {
        price = bound(price, 1, MAX_PRICE);
        shares = bound(shares, 1, 1e27);
        ShareSale sale = _deploySale(price);
        uint256 cost = sale.quote(shares);
        usdc.mint(BUYER, cost);
        vm.prank(BUYER);
        usdc.approve(address(sale), cost);

        vm.expectRevert(abi.encodeWithSelector(IShareSale.CostAboveMax.selector, cost, cost - 1));
        vm.prank(BUYER);
        sale.buy(shares, cost - 1);

        vm.prank(BUYER);
        assertEq(sale.buy(shares, cost), cost, "buy returned a different cost");
        assertEq(usdc.balanceOf(TREASURY), cost, "treasury not paid the quote");
        assertEq(usdc.balanceOf(BUYER), 0, "buyer charged a different amount");
        assertEq(pool.balanceOf(BUYER), shares, "buyer did not receive the shares");
    }

    function _deploySale(uint256 price) internal returns (ShareSale sale) {
        sale = new ShareSale(
            ADMIN,
            pool,
            IERC20(address(usdc)),
            price,
            TREASURY,
            uint64(block.timestamp),
            uint64(block.timestamp + 30 days),
            type(uint256).max
        );
        bytes32 minterRole = pool.MINTER_ROLE();
        vm.prank(ADMIN);
        pool.grantRole(minterRole, address(sale));
    }
}
