/** One problem with one field of a request, as listed in `details` of VALIDATION_FAILED. */
export interface FieldError {
  /** Path of the field in the request, e.g. `address.city` or `children.0.birthDate`. */
  readonly field: string;
  /** The rule that failed (class-validator's constraint name, e.g. `isNotEmpty`), for clients. */
  readonly rule: string;
  readonly message: string;
}

/** The body of every error response of the API. */
export interface ErrorBody {
  /** Stable UPPER_SNAKE code that clients branch on. */
  readonly code: string;
  /** Simplified Chinese, shown to the user as is. */
  readonly message: string;
  readonly details?: readonly FieldError[];
}
