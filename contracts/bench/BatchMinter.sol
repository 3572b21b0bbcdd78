// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IMiningPoolShare} from "../interfaces/IMiningPoolShare.sol";

/// @title BatchMinter
/// @notice BENCHMARK ONLY — not deployed. Mints one equal amount of shares to many generated holders in one
/// transaction, so `bench/gas.ts` can populate a 1,000-holder pool in seconds. It must hold the pool's
/// `MINTER_ROLE`; it works with any share exposing `mint(address,uint256)` (MiningPoolShare and the bench designs).
contract BatchMinter {
    /// @notice Mints `shares` to each of the holders `first` … `first + count − 1` of `seed` (see `holderAt`).
    function mintMany(IMiningPoolShare share, bytes32 seed, uint256 first, uint256 count, uint256 shares) external {
        for (uint256 i = first; i < first + count; ++i) {
            share.mint(holderAt(seed, i), shares);
        }
    }

    /// @notice The `index`-th generated holder of `seed`: an address nobody holds a key for.
    function holderAt(bytes32 seed, uint256 index) public pure returns (address) {
        return address(uint160(uint256(keccak256(abi.encode(seed, index)))));
    }
}
