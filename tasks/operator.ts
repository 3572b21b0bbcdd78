// Replaced by the operator tasks (issue work in progress).
export const operatorTasks = [];
