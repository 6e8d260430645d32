import type { Metadata } from "next";
import { NotificationBanner } from "@/components/govuk/notification-banner";
import { UNCONFIRMED_DAYS } from "@/domain/subscriptions";

export const metadata: Metadata = { title: "Check your email" };
export const dynamic = "force-dynamic";

export default function CheckEmailPage() {
  return (
    <div className="md:w-3/4">
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Check your email</h1>
      <NotificationBanner type="success" title="Success" heading="We have sent you an email" id="check-email">
        <p>Use the link in it to confirm. Nothing else is sent until you do.</p>
      </NotificationBanner>
      <p className="mb-4 max-w-3xl">
        If it has not arrived within a few minutes, check your spam folder. If you do not confirm within {UNCONFIRMED_DAYS} days, we delete your
        address.
      </p>
      <p>
        <a href="/">Go to the overview</a>
      </p>
    </div>
  );
}
