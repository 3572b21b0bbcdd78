// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title IShareSale
/// @notice Primary offering of a pool's shares at a fixed price, paid to the operator's treasury.
/// @dev The sale holds `MINTER_ROLE` on the pool: every purchase mints within the hashrate backing (INV-1).
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

    /// @notice A constructor address is the zero address.
    error ZeroAddress();

    /// @notice The price must be non-zero.
    error InvalidPrice();

    /// @notice A purchase of zero shares.
    error ZeroShares();

    /// @notice Cost of `shares` share base units, in payment-token units, rounded up (nothing is ever free).
    function quote(uint256 shares) external view returns (uint256 cost);

    /// @notice Pays `quote(shares)` to the treasury and mints `shares` to the caller.
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
}
