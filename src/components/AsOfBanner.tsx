import { longDate } from "./format";

/**
 * Shown whenever a page is "as of" a past date: says so plainly and links back to today. Uses the
 * GOV.UK notification banner pattern.
 */
export function AsOfBanner({ asOf, todayHref }: { asOf: string; todayHref: string }) {
  return (
    <section aria-labelledby="as-of-title" className="border-4 border-brand mb-8">
      <h2 id="as-of-title" className="bg-brand text-white font-bold px-4 py-1 text-base">
        Viewing a past date
      </h2>
      <div className="p-4 md:p-5">
        <p className="text-lg md:text-xl font-bold mb-2">You are looking at the tracker as it stood on {longDate(asOf)}.</p>
        <p className="mb-2">Statuses, deadlines and overdue counts use only what had been confirmed by that date.</p>
        <p>
          <a href={todayHref} className="font-bold">
            View the tracker as it is today
          </a>
        </p>
      </div>
    </section>
  );
}
