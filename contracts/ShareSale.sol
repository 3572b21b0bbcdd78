// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {TransientReentrancyGuard} from "./libraries/TransientReentrancyGuard.sol";
import {IShareSale} from "./interfaces/IShareSale.sol";
import {MiningPoolShare} from "./MiningPoolShare.sol";

/// @title ShareSale
/// @notice Fixed-price primary sale of a pool's shares within a time window and a per-buyer cap.
contract ShareSale is IShareSale, AccessControl, TransientReentrancyGuard {
    using SafeERC20 for IERC20;

    uint256 private constant ONE_SHARE = 1e18;

    MiningPoolShare public immutable pool;
    IERC20 public immutable paymentToken;
    /// @notice Payment-token units per 1e18 share units.
    uint256 public immutable pricePerShare;
    address public immutable treasury;
    uint64 public immutable startTime;
    uint64 public immutable endTime;
    uint256 public immutable maxSharesPerBuyer;

    uint256 private _totalSold;
    mapping(address buyer => uint256) private _purchased;

    /// @param admin Receives `DEFAULT_ADMIN_ROLE`.
    /// @param pool_ The pool whose shares are sold; the sale must hold its `MINTER_ROLE`.
    /// @param paymentToken_ The token buyers pay in.
    /// @param pricePerShare_ Payment-token units per 1e18 share units.
    /// @param treasury_ Receives every payment.
    /// @param startTime_ First second of the sale (inclusive).
    /// @param endTime_ Last second of the sale (inclusive).
    /// @param maxSharesPerBuyer_ Total share units one buyer may buy over the sale.
    constructor(
        address admin,
        MiningPoolShare pool_,
        IERC20 paymentToken_,
        uint256 pricePerShare_,
        address treasury_,
        uint64 startTime_,
        uint64 endTime_,
        uint256 maxSharesPerBuyer_
    ) {
        if (
            admin == address(0) ||
            address(pool_) == address(0) ||
            address(paymentToken_) == address(0) ||
            treasury_ == address(0)
        ) revert ZeroAddress();
        if (pricePerShare_ == 0) revert InvalidPrice();
        if (endTime_ < startTime_) revert InvalidSaleWindow(startTime_, endTime_);
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        pool = pool_;
        paymentToken = paymentToken_;
        pricePerShare = pricePerShare_;
        treasury = treasury_;
        startTime = startTime_;
        endTime = endTime_;
        maxSharesPerBuyer = maxSharesPerBuyer_;
    }

    /// @inheritdoc IShareSale
    function quote(uint256 shares) public view returns (uint256 cost) {
        return Math.mulDiv(shares, pricePerShare, ONE_SHARE, Math.Rounding.Ceil);
    }

    /// @inheritdoc IShareSale
    function buy(uint256 shares, uint256 maxCost) external nonReentrant returns (uint256 cost) {
        if (!isActive()) revert SaleNotActive();
        if (shares == 0) revert ZeroShares();
        uint256 remaining = remainingForBuyer(msg.sender);
        if (shares > remaining) revert ExceedsBuyerCap(shares, remaining);
        cost = quote(shares);
        if (cost > maxCost) revert CostAboveMax(cost, maxCost);

        _purchased[msg.sender] += shares;
        _totalSold += shares;
        emit SharesPurchased(msg.sender, shares, cost);
        paymentToken.safeTransferFrom(msg.sender, treasury, cost);
        pool.mint(msg.sender, shares);
    }

    /// @inheritdoc IShareSale
    function isActive() public view returns (bool) {
        return block.timestamp >= startTime && block.timestamp <= endTime;
    }

    /// @inheritdoc IShareSale
    function remainingForBuyer(address buyer) public view returns (uint256) {
        uint256 bought = _purchased[buyer];
        return bought >= maxSharesPerBuyer ? 0 : maxSharesPerBuyer - bought;
    }

    /// @inheritdoc IShareSale
    function purchased(address buyer) external view returns (uint256) {
        return _purchased[buyer];
    }

    /// @inheritdoc IShareSale
    function totalSold() external view returns (uint256) {
        return _totalSold;
    }
}
