import { operatorTasks } from "./operator.js";
import { investorTasks } from "./investor.js";
import { simulateTasks } from "./simulate.js";
import { dashboardTasks } from "./dashboard.js";
import { analyzeTasks } from "./analyze.js";
import { fitTasks } from "./fit.js";
import { governanceTasks } from "./governance.js";

/** Every HashShare task, registered by hardhat.config.ts. */
export const hashShareTasks = [
  ...operatorTasks,
  ...investorTasks,
  ...simulateTasks,
  ...governanceTasks,
  ...dashboardTasks,
  ...analyzeTasks,
  ...fitTasks,
];
