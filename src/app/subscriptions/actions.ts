"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/server/db";
import { confirmSubscription, unsubscribe } from "@/server/subscriptions";

/** The button on the confirmation page (a GET never confirms: mail scanners follow links). */
export async function confirmAction(formData: FormData): Promise<void> {
  const token = String(formData.get("token") ?? "");
  const result = await confirmSubscription(getDb(), token);
  redirect(result.ok ? "/subscriptions/confirmed" : `/subscriptions/confirm/${encodeURIComponent(token)}`);
}

/** "Unsubscribe" on the page an email's link opens. */
export async function unsubscribeAction(formData: FormData): Promise<void> {
  const token = String(formData.get("token") ?? "");
  const result = await unsubscribe(getDb(), { unsubscribe: token });
  redirect(
    result.ok
      ? `/subscriptions/unsubscribed${result.value.addressGone ? "?address=deleted" : ""}`
      : `/subscriptions/unsubscribe/${encodeURIComponent(token)}`,
  );
}

/** "Stop these emails" beside one subscription on the manage page. */
export async function removeAction(formData: FormData): Promise<void> {
  const token = String(formData.get("token") ?? "");
  const result = await unsubscribe(getDb(), { manage: token, subscriptionId: Number(formData.get("subscription")) || 0 });
  redirect(
    result.ok && result.value.addressGone ? "/subscriptions/unsubscribed?address=deleted" : `/subscriptions/manage/${encodeURIComponent(token)}`,
  );
}
