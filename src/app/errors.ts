/** An error with a stable machine-readable code; HTTP and chat adapters map it to a status or text. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
    /** Extra response headers (e.g. `retry-after` on a 503). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}
