// Replaced by the simulate tasks (issue work in progress).
export const simulateTasks = [];
