import { longDate } from "../domain/dates";
import { NotificationBanner } from "./govuk/notification-banner";

/**
 * Shown whenever a page is "as of" a past date: says so plainly and links back to today. On a page
 * pinned to a version (`pinned`) the view is fixed; otherwise it is what the tracker knows now.
 */
export function AsOfBanner({ asOf, todayHref, pinned = false }: { asOf: string; todayHref: string; pinned?: boolean }) {
  return (
    <NotificationBanner title="Viewing a past date" id="as-of-title">
      <p className="text-lg md:text-xl font-bold mb-2">You are looking at the tracker as it stood on {longDate(asOf)}.</p>
      <p className="mb-2">
        Statuses, deadlines and overdue counts show what was true on that date, using only what had happened by then,
        {pinned
          ? " as this version of the record knew it."
          : " as the tracker knows it now: an update published later about an earlier date can change this view. To cite it, use the versioned link below."}
      </p>
      <p>
        <a href={todayHref} className="font-bold">
          View the tracker as it is today
        </a>
      </p>
    </NotificationBanner>
  );
}
