// The two kinds of failure: a UserError is something the user can fix (exit 2, no stack trace),
// an InternalError is our bug (exit 1, with a stack and a request to report it).
import type { MessageKey } from './message-keys.js';
import type { MessageParam } from './messages.js';

/** A message from the catalogue (content/<lang>/messages.yaml), worded when it is shown. */
export interface MessageRef {
  key: MessageKey;
  params?: Record<string, MessageParam>;
}

/**
 * A problem in the user's input or command line. Raised anywhere (a writer, a material) with a
 * catalogue key, it is worded in the user's language where it is shown; a plain string is for
 * messages already worded (e.g. from the catalogue by the caller).
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  readonly ref?: MessageRef;
  constructor(
    message: string | MessageRef,
    readonly exitCode = 2,
  ) {
    super(typeof message === 'string' ? message : `${message.key} ${JSON.stringify(message.params ?? {})}`);
    if (typeof message !== 'string') this.ref = message;
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
