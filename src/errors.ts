// The two kinds of failure: a UserError is something the user can fix (exit 2, no stack trace),
// an InternalError is our bug (exit 1, with a stack and a request to report it).

/** A problem in the user's input or command line; its message is already in plain words. */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

/** A fault in welkome-wijk itself: shown with a stack so it can be reported. */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}

/** Used at the end of an exhaustive `switch`: compiling fails when a case is missing. */
export function assertNever(value: never, what = 'value'): never {
  throw new InternalError(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
