"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/server/db";
import { currentSession, signInUrl } from "@/server/auth/session";
import { endOwnSessions } from "@/server/auth/sessions";
import { clientAddressOf } from "@/server/front-door";
import { nextFormState, valuesOf } from "@/server/editor/form-actions";
import type { FormState } from "@/schemas/form-state";

const PAGE = "/editor/account/sessions";

/** Ends another of the editor's sessions (`session` = its id), or all the others (`session` = "others"). */
export async function endSessionsAction(prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  const current = await currentSession();
  if (!current?.session.secondFactorAt) redirect(signInUrl(PAGE));
  const raw = typeof values.session === "string" ? values.session : "";
  const which = raw === "others" ? "others" : /^[1-9]\d{0,17}$/.test(raw) ? BigInt(raw) : null;
  if (which === null) return nextFormState(prev, {}, { message: "There is no such session. Reload the page and try again." });
  const ended = await endOwnSessions(getDb(), { userId: current.user.id, sessionId: current.session.id }, which, clientAddressOf(await headers()));
  redirect(`${PAGE}?ended=${ended}`);
}
