// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ClaimChecks} from "./ClaimChecks.sol";
import {GuardChecks} from "./GuardChecks.sol";
import {LedgerChecks} from "./LedgerChecks.sol";
import {OracleChecks} from "./OracleChecks.sol";

/// @title HandlerChecks
/// @notice Every checked operation of the invariant handler, in one type: the concrete `PoolHandler` (in the
/// invariant test file, which adds the actions the runner calls) extends it, and `PoolInvariants` reads it.
abstract contract HandlerChecks is OracleChecks, LedgerChecks, ClaimChecks, GuardChecks {}
