// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IMiningPoolShare} from "./IMiningPoolShare.sol";

/// @title IShareSale
/// @notice Primary offering of a pool's shares at a fixed price, paid to the operator's treasury.
/// @dev The sale holds `MINTER_ROLE` on the pool: every purchase mints within the hashrate backing (INV-1).
/// `DEFAULT_ADMIN_ROLE` follows OpenZeppelin's `AccessControlDefaultAdminRules` (two-step handover with a delay
/// starting at 2 days).
interface IShareSale {
    /// @notice `buyer` bought `shares` share base units for `cost` payment-token units.
    event SharesPurchased(address indexed buyer, uint256 shares, uint256 cost);

    /// @notice Outside the window `startTime ≤ now ≤ endTime`.
    error SaleNotActive();

    /// @notice The purchase would take the buyer past `maxSharesPerBuyer`.
    error ExceedsBuyerCap(uint256 requested, uint256 remaining);

    /// @notice The purchase costs more than the buyer allowed.
    error CostAboveMax(uint256 cost, uint256 maxCost);

    /// @notice The window ends before it starts.
    error InvalidSaleWindow(uint64 startTime, uint64 endTime);

    /// @notice A constructor address (pool, payment token or treasury) is the zero address (a zero admin is
    /// OpenZeppelin's `AccessControlInvalidDefaultAdmin(address(0))`).
    error ZeroAddress();

    /// @notice The price must be non-zero.
    error InvalidPrice();

    /// @notice A purchase of zero shares.
    error ZeroShares();

    /// @notice Cost of `shares` share base units, in payment-token units, rounded up (nothing is ever free).
    function quote(uint256 shares) external view returns (uint256 cost);

    /// @notice Pays `quote(shares)` to the treasury and mints `shares` to the caller (INV-1 through the pool).
    /// @param shares Share base units (18 decimals).
    /// @param maxCost The most the caller accepts to pay (slippage guard against a misread price).
    /// @return cost What was paid.
    function buy(uint256 shares, uint256 maxCost) external returns (uint256 cost);

    /// @notice Whether the sale window is open now.
    function isActive() external view returns (bool);

    /// @notice Shares `buyer` may still buy under `maxSharesPerBuyer`.
    function remainingForBuyer(address buyer) external view returns (uint256);

    /// @notice Shares bought so far by `buyer`.
    function purchased(address buyer) external view returns (uint256);

    /// @notice Shares sold so far in total.
    function totalSold() external view returns (uint256);

    /// @notice The pool whose shares are sold.
    function pool() external view returns (IMiningPoolShare);

    /// @notice The token buyers pay in.
    function paymentToken() external view returns (IERC20);

    /// @notice Payment-token units per 1e18 share units.
    function pricePerShare() external view returns (uint256);

    /// @notice Receives every payment.
    function treasury() external view returns (address);

    /// @notice First second of the sale (inclusive).
    function startTime() external view returns (uint64);

    /// @notice Last second of the sale (inclusive).
    function endTime() external view returns (uint64);

    /// @notice Total share units one buyer may buy over the sale.
    function maxSharesPerBuyer() external view returns (uint256);
}
