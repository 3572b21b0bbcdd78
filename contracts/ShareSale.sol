// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

// solhint-disable-next-line max-line-length
import {AccessControlDefaultAdminRules} from "@openzeppelin/contracts/access/extensions/AccessControlDefaultAdminRules.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {IMiningPoolShare} from "./interfaces/IMiningPoolShare.sol";
import {IShareSale} from "./interfaces/IShareSale.sol";
import {AdminRules} from "./libraries/AdminRules.sol";
import {MiningPoolShare} from "./MiningPoolShare.sol";

/// @title ShareSale
/// @notice Fixed-price primary sale of a pool's shares within a time window and a per-buyer cap.
contract ShareSale is IShareSale, AccessControlDefaultAdminRules, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    uint256 private constant ONE_SHARE = 1e18;

    IMiningPoolShare private immutable _pool;
    IERC20 private immutable _paymentToken;
    uint256 private immutable _pricePerShare;
    address private immutable _treasury;
    uint64 private immutable _startTime;
    uint64 private immutable _endTime;
    uint256 private immutable _maxSharesPerBuyer;

    uint256 private _totalSold;
    mapping(address buyer => uint256) private _purchased;

    /// @param admin Receives `DEFAULT_ADMIN_ROLE` (handed over in two steps with a delay starting at 2 days).
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
    ) AccessControlDefaultAdminRules(AdminRules.INITIAL_ADMIN_DELAY, admin) {
        if (address(pool_) == address(0) || address(paymentToken_) == address(0) || treasury_ == address(0))
            revert ZeroAddress();
        if (pricePerShare_ == 0) revert InvalidPrice();
        if (endTime_ < startTime_) revert InvalidSaleWindow(startTime_, endTime_);
        _pool = pool_;
        _paymentToken = paymentToken_;
        _pricePerShare = pricePerShare_;
        _treasury = treasury_;
        _startTime = startTime_;
        _endTime = endTime_;
        _maxSharesPerBuyer = maxSharesPerBuyer_;
    }

    /// @inheritdoc IShareSale
    function quote(uint256 shares) public view returns (uint256 cost) {
        return Math.mulDiv(shares, _pricePerShare, ONE_SHARE, Math.Rounding.Ceil);
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
        _paymentToken.safeTransferFrom(msg.sender, _treasury, cost);
        _pool.mint(msg.sender, shares);
    }

    /// @inheritdoc IShareSale
    function isActive() public view returns (bool) {
        return block.timestamp >= _startTime && block.timestamp <= _endTime;
    }

    /// @inheritdoc IShareSale
    function remainingForBuyer(address buyer) public view returns (uint256) {
        uint256 bought = _purchased[buyer];
        return bought >= _maxSharesPerBuyer ? 0 : _maxSharesPerBuyer - bought;
    }

    /// @inheritdoc IShareSale
    function purchased(address buyer) external view returns (uint256) {
        return _purchased[buyer];
    }

    /// @inheritdoc IShareSale
    function totalSold() external view returns (uint256) {
        return _totalSold;
    }

    /// @inheritdoc IShareSale
    function pool() external view returns (IMiningPoolShare) {
        return _pool;
    }

    /// @inheritdoc IShareSale
    function paymentToken() external view returns (IERC20) {
        return _paymentToken;
    }

    /// @inheritdoc IShareSale
    function pricePerShare() external view returns (uint256) {
        return _pricePerShare;
    }

    /// @inheritdoc IShareSale
    function treasury() external view returns (address) {
        return _treasury;
    }

    /// @inheritdoc IShareSale
    function startTime() external view returns (uint64) {
        return _startTime;
    }

    /// @inheritdoc IShareSale
    function endTime() external view returns (uint64) {
        return _endTime;
    }

    /// @inheritdoc IShareSale
    function maxSharesPerBuyer() external view returns (uint256) {
        return _maxSharesPerBuyer;
    }
}
