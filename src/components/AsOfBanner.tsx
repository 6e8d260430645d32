import { longDate } from "./format";

/**
 * Shown whenever a page is "as of" a past date: says so plainly and links back to today. Uses the
 * GOV.UK notification banner pattern.
 */
export function AsOfBanner({ asOf, todayHref, pinned = false }: { asOf: string; todayHref: string; pinned?: boolean }) {
  return (
    <section aria-labelledby="as-of-title" className="border-4 border-brand mb-8">
      <h2 id="as-of-title" className="bg-brand text-white font-bold px-4 py-1 text-base">
        Viewing a past date
      </h2>
      <div className="p-4 md:p-5">
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
      </div>
    </section>
  );
}
