/**
 * A mistake the user can fix (bad input, wrong network, missing deployment, a refused transaction). The task
 * runner prints its message as one line on stderr and exits non-zero, without a stack trace.
 */
export class UserError extends Error {
  public override readonly name = "UserError";

  constructor(message: string, options?: { cause?: unknown }) {
    // One line, always: a multi-line message would defeat "one-line error".
    super(message.replace(/\s*\n\s*/g, " ").trim(), options);
  }
}

/** True for a {@link UserError}, also across module copies (checked by name, not by identity). */
export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError || (error instanceof Error && error.name === "UserError");
}
