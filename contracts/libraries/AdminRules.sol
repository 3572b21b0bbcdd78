// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @dev The `defaultAdminDelay()` every HashShare contract starts with (OpenZeppelin `AccessControlDefaultAdminRules`):
/// handing `DEFAULT_ADMIN_ROLE` over takes two steps at least this far apart, so holders see it coming.
uint48 constant INITIAL_ADMIN_DELAY = 2 days;
