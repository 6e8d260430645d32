// "Follow": the feeds of one commitment, area or organisation, as plain links (no JavaScript),
// near the bottom of its page; the same addresses are in the page's <link rel="alternate">
// (feedAlternates in src/app/share-metadata.ts). See docs/decisions/0019.

/** `path`: the page's own path (/areas/<slug>…); `calendar`: whether it has a deadline calendar too. */
export function FollowLinks({ path, subject, calendar }: { path: string; subject: string; calendar: boolean }) {
  return (
    <section aria-labelledby="follow-heading" className="mb-8 mt-8">
      <h2 id="follow-heading" className="text-2xl md:text-3xl font-bold mb-4">
        Follow {subject}
      </h2>
      <ul className="list-disc pl-6 mb-2">
        <li className="mb-1">
          <a href={`${path}/changes.atom`} type="application/atom+xml">
            Atom feed of its published changes
          </a>{" "}
          for your feed reader: each status update, deadline change and change of wording, with its source
        </li>
        {calendar && (
          <li className="mb-1">
            <a href={`${path}/deadlines.ics`} type="text/calendar">
              Calendar of its upcoming deadlines
            </a>{" "}
            (iCalendar): subscribe with this address and your calendar moves an event when a deadline moves
          </li>
        )}
      </ul>
      <p className="text-secondary-ink">
        Copy the link into your feed reader or calendar app. <a href="/data#feeds">All feeds and calendars</a>
      </p>
    </section>
  );
}
