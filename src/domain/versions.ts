// Record versions, in plain English for the methodology page and docs/rules.md. The database
// applies them (current_publication() and the bitemporal commitment_state_period, migration
// 20261202000000_citable_time); docs/decisions/0009-record-versions.md explains the design.

export const VERSION_RULES: readonly string[] = [
  "Every time the tracker publishes anything — a status update, a deadline change, a new commitment, an edit to a commitment’s title, summary, area or owners, an import — the whole record takes the next version number, in the same step. Every entry in the history says which version published it.",
  "“As of” a date (as_of) shows what was true on that date, as the tracker knows it now. An update published later about an earlier date can change that view: that is the point of it.",
  "A version (version=N) shows the record exactly as it was published at version N. Nothing published later, even about earlier dates, changes it: it is the link to cite. “Recorded on” a day (recorded_on=YYYY-MM-DD) means the last version published by the end of that day, UK time.",
  "The two combine: a version and an as-of date show what was true on that date, as the tracker knew it at that version. A version without an as-of date shows the record as of the day that version was recorded.",
  "Every page, download, feed and API answer says which version it shows, and “Cite this page” gives a link with the version and the as-of date in it. A page at a version says whether the record has been revised since, and links to the current page.",
];
