/**
 * Store failures that the API maps to client codes. Adapters translate driver errors into these
 * at the store boundary so that nothing above the port knows which database is behind it.
 */
/** TIMEOUT: the database stopped a transaction that ran past its time limit. */
export type StoreErrorKind = 'UNAVAILABLE' | 'CONFLICT' | 'INVALID' | 'TIMEOUT';

export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}
