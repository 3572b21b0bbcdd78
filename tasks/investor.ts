// Replaced by the investor tasks (issue work in progress).
export const investorTasks = [];
