import type { Metadata } from "next";
import { NotificationBanner } from "@/components/govuk/notification-banner";

export const metadata: Metadata = { title: "Subscription confirmed" };

export default function ConfirmedPage() {
  return (
    <div className="md:w-3/4">
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Subscription confirmed</h1>
      <NotificationBanner type="success" title="Success" heading="You will get emails when something changes" id="confirmed">
        <p>Every email has a link to stop them in one click.</p>
      </NotificationBanner>
      <p>
        <a href="/">Go to the overview</a>
      </p>
    </div>
  );
}
