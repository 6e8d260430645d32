// How the data may be reused and how to cite it, stated once for /data, tracker.json and the API.
import { formatLongDate } from "../../domain/dates";

export const LICENCE = {
  name: "Open Government Licence v3.0",
  url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
  attribution: "Contains data from Roadmap Tracker, available under the Open Government Licence v3.0.",
} as const;

export const DATASET_TITLE = "Roadmap Tracker: commitments, deadlines and progress of the Roadmap for Modern Digital Government";
const CITED_TITLE = "Commitments, deadlines and progress of the Roadmap for Modern Digital Government";

/** A suggested citation (Harvard style) for the data as of a date, with a stable link. */
export function suggestedCitation(origin: string, asOf: string, accessedOn: string): string {
  return `Roadmap Tracker (${asOf.slice(0, 4)}) ${CITED_TITLE}, as of ${formatLongDate(asOf)} [dataset]. Available at: ${origin}/data/tracker.json?as_of=${asOf} (Accessed: ${formatLongDate(accessedOn)}). Licensed under the ${LICENCE.name}.`;
}
