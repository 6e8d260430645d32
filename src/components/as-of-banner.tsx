import { longDate } from "../domain/dates";
import { NotificationBanner } from "./govuk/notification-banner";

/** Shown whenever a page is "as of" a past date: says so plainly and links back to today. */
export function AsOfBanner({ asOf, todayHref }: { asOf: string; todayHref: string }) {
  return (
    <NotificationBanner title="Viewing a past date" id="as-of-title">
      <p className="text-lg md:text-xl font-bold mb-2">You are looking at the tracker as it stood on {longDate(asOf)}.</p>
      <p className="mb-2">Statuses, deadlines and overdue counts use only what had been confirmed by that date.</p>
      <p>
        <a href={todayHref} className="font-bold">
          View the tracker as it is today
        </a>
      </p>
    </NotificationBanner>
  );
}
