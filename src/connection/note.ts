/** Prints a progress note on stderr (stdout stays clean for `--json`). */
export function note(message: string): void {
  console.error(message);
}
