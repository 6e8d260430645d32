// What every editor mutation returns: the value, or why nothing was written. The server actions
// turn failures into a GOV.UK error summary; the tests assert on `kind`.
import type { z } from "zod";
import { fieldErrors } from "../../schemas/editor";
import type { FieldError } from "../../schemas/errors";
import { SIGN_IN_REQUIRED, type Decision } from "../../domain/permissions";

export type Conflict = {
  message: string;
  /** The record as it is now, field by field, for "what changed meanwhile". */
  current?: Record<string, string>;
  /** The version the next submission should be based on. */
  currentVersion?: number;
  changedBy?: string | null;
  changedAt?: string | null;
};

export type Failure =
  | { ok: false; kind: "unauthenticated"; message: string }
  | { ok: false; kind: "forbidden"; message: string }
  | { ok: false; kind: "not_found"; message: string }
  | { ok: false; kind: "invalid"; errors: FieldError[] }
  | ({ ok: false; kind: "conflict" } & Conflict);

export type Result<T> = { ok: true; value: T } | Failure;

/** Nobody is signed in (or the account was disabled meanwhile): the action sends them to sign in. */
export const unauthenticated: Failure = { ok: false, kind: "unauthenticated", message: SIGN_IN_REQUIRED };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const notFound = (message: string): Failure => ({ ok: false, kind: "not_found", message });
export const invalid = (errors: FieldError[]): Failure => ({ ok: false, kind: "invalid", errors });
export const invalidField = (field: string, message: string): Failure => invalid([{ field, message }]);
export const conflict = (details: Conflict): Failure => ({ ok: false, kind: "conflict", ...details });

export function fromZod(error: z.ZodError): Failure {
  return invalid(fieldErrors(error));
}

/** A refusal from src/domain/permissions: "unauthenticated" when nobody is signed in. */
export function refused(decision: Extract<Decision, { allowed: false }>, signedIn: boolean): Failure {
  return signedIn ? { ok: false, kind: "forbidden", message: decision.reason } : { ok: false, kind: "unauthenticated", message: decision.reason };
}

/**
 * The one way to roll a transaction back from inside it: throw this, and the transaction answers
 * `result` after rolling back (a failure, or a preview whose writes must not be kept). See
 * inTransaction in tx.ts.
 */
export class RollBack<T> extends Error {
  constructor(readonly result: Result<T>) {
    super(result.ok ? "rollback" : result.kind);
  }
}

/** `work`'s result, or the result of a RollBack it threw. */
export async function catchRollBack<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RollBack) return error.result as Result<T>;
    throw error;
  }
}
