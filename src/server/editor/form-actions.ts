// Shared by the editor's server actions (src/app/editor/**/actions.ts), which stay thin: read
// the session, call a mutation of src/server/editor with the form's values, then either
// redirect on success or hand the failure back to the form as a FormState.
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { currentUser, signInUrl } from "../auth/session";
import { editorReturnPath } from "../auth/return-path";
import { clientAddressOf } from "../front-door";
import { recordAudit } from "./audit";
import type { EditorUser } from "./actor";
import type { Failure } from "./result";
import type { ConflictView, FormState } from "../../schemas/form-state";
import { formValues, type FormValues } from "../../schemas/editor";
import { getDb, type Db } from "../db";
import { COMMITMENT_FIELD_LABELS } from "./commitments";
import { formOptions } from "./queries";

/**
 * The signed-in user, or null. Mutations refuse null themselves; actions then send people to
 * sign in. Someone still holding a one-time password can do nothing but change it.
 */
export async function sessionUser(options: { allowPasswordChange?: boolean } = {}): Promise<EditorUser | null> {
  const user = await currentUser();
  if (user?.mustChangePassword && !options.allowPasswordChange) return null;
  return user;
}

/**
 * A refused action is a security event: who, from where, on which page, and why (the mutation
 * itself wrote nothing; this is written after it, outside its transaction).
 */
async function auditRefusal(reason: string): Promise<void> {
  const user = await currentUser();
  const h = await headers();
  await recordAudit(getDb(), {
    actorId: user?.id ?? null,
    action: "auth.refused",
    entityType: "user",
    entityId: user?.id ?? 0,
    after: { reason: reason.slice(0, 200), page: editorReturnPath(h.get("referer")), address: clientAddressOf(h) },
  });
}

/** The editor page the form was posted from (to come back to after signing in). */
async function returnPath(): Promise<string> {
  return editorReturnPath((await headers()).get("referer"));
}

export function valuesOf(formData: FormData): FormValues {
  return formValues(formData.entries());
}

/** Password fields are never sent back to the browser. */
const SECRET_FIELDS = ["password", "currentPassword", "newPassword", "confirmPassword"];

/** The form as the server hands it back: the next submission number, the values it shows, and anything else to show with it. */
export function nextFormState(prev: FormState, values: FormValues, extra: Partial<FormState>): FormState {
  const kept = Object.fromEntries(Object.entries(values).filter(([k]) => !SECRET_FIELDS.includes(k)));
  return { seq: prev.seq + 1, errors: [], values: kept, ...extra };
}

/** A refused submission back in its form: field errors, or one message; nobody signed in goes to sign in. */
export async function failureState(prev: FormState, failure: Failure, values: FormValues, extra: Partial<FormState> = {}): Promise<FormState> {
  if (failure.kind === "unauthenticated") redirect(signInUrl(await returnPath()));
  if (failure.kind === "forbidden") await auditRefusal(failure.message);
  return nextFormState(prev, values, failure.kind === "invalid" ? { ...extra, errors: failure.errors } : { ...extra, message: failure.message });
}

/**
 * A stale edit of a commitment back in its form: what changed meanwhile next to what this editor
 * submitted (names, not slugs). The form keeps their values but is now based on the current
 * version, so saving again is a deliberate choice.
 */
export async function commitmentConflictState(
  db: Db,
  prev: FormState,
  failure: Extract<Failure, { kind: "conflict" }>,
  values: FormValues,
): Promise<FormState> {
  if (!failure.current || !failure.currentVersion) return failureState(prev, failure, values);
  const { areas, organisations } = await formOptions(db);
  const areaName = (slug: string) => areas.find((a) => a.slug === slug)?.title ?? slug;
  const orgName = (slug: string) => organisations.find((o) => o.slug === slug)?.name ?? slug;
  const text = (v: string | string[] | undefined) => String(v ?? "");
  const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
  const { current } = failure;
  const shown: Record<keyof typeof COMMITMENT_FIELD_LABELS, [string, string]> = {
    title: [current.title ?? "", text(values.title)],
    summary: [current.summary ?? "", text(values.summary)],
    area: [areaName(current.area ?? ""), areaName(text(values.area))],
    lead: [orgName(current.lead ?? ""), orgName(text(values.lead))],
    supporting: [
      (current.supporting ?? "").split(", ").filter(Boolean).map(orgName).join(", ") || "None",
      list(values.supporting)
        .filter((s) => s !== values.lead)
        .map(orgName)
        .sort()
        .join(", ") || "None",
    ],
  };
  // Only the fields that conflict are in `current`; the others were merged.
  const keys = (Object.keys(shown) as (keyof typeof shown)[]).filter((k) => k in current);
  const rows = keys.map((k) => ({ label: COMMITMENT_FIELD_LABELS[k], current: shown[k][0], submitted: shown[k][1] }));
  const conflict: ConflictView = { message: failure.message, rows, changedBy: failure.changedBy ?? null, changedAt: failure.changedAt ?? null };
  // The form is now based on what is published for the conflicting fields, so sending it again is a deliberate choice.
  const BASE: Record<keyof typeof shown, string> = {
    title: "baseTitle",
    summary: "baseSummary",
    area: "baseArea",
    lead: "baseLead",
    supporting: "baseSupporting",
  };
  const rebased: FormValues = { ...values, version: String(failure.currentVersion) };
  for (const k of keys) rebased[BASE[k]] = k === "supporting" ? (current.supporting ?? "").split(", ").filter(Boolean) : (current[k] ?? "");
  return failureState(prev, failure, rebased, { conflict });
}
