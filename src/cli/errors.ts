/**
 * Reading errors thrown by Node and fetch without `instanceof`: in some hosts (jest's sandbox)
 * they come from another realm, whose Error is not ours.
 */

function field(error: unknown, key: string): unknown {
  // Reflect.get also reads getters on the prototype, where DOMException keeps `name`.
  return typeof error === 'object' && error !== null ? Reflect.get(error, key) : undefined;
}

/** Node's error code (`ENOENT`, `ECONNREFUSED`), or ''. */
export function errorCode(error: unknown): string {
  const code = field(error, 'code');
  return typeof code === 'string' ? code : '';
}

export function errorMessage(error: unknown): string {
  const message = field(error, 'message');
  return typeof message === 'string' ? message : String(error);
}

export function errorName(error: unknown): string {
  const name = field(error, 'name');
  return typeof name === 'string' ? name : '';
}

export function errorCause(error: unknown): unknown {
  return field(error, 'cause');
}
