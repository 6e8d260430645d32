import type { Metadata } from "next";
import { areaList } from "@/server/open-data/api-data";
import { ENDPOINT_EXAMPLES, openApiDocument } from "@/server/open-data/openapi";
import { COMMITMENT_COLUMNS, DEADLINE_REVISION_COLUMNS, SCORECARD_COLUMNS, STATUS_UPDATE_COLUMNS, type CsvColumn } from "@/server/open-data/csv";
import { LICENCE, suggestedCitation } from "@/server/open-data/licence";
import { FEED_ENTRY_LIMIT } from "@/server/open-data/atom";
import { PUBLIC_CACHE_CONTROL, siteOrigin } from "@/server/http";
import { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from "@/schemas/commitment-query";
import { formatLongDate, todayIso } from "@/domain/dates";
import { Code, CodeBlock, EndpointReference, SchemaReference, Table } from "./reference";
import { Details } from "@/components/govuk/details";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Open data and API",
  description:
    "Download everything in Roadmap Tracker as CSV or JSON, use the JSON API, follow changes by Atom feed and deadlines by calendar. Open Government Licence v3.0.",
  alternates: {
    types: { "application/atom+xml": [{ url: "/changes.atom", title: "Roadmap Tracker: published changes" }], "text/calendar": "/deadlines.ics" },
  },
};

const DOWNLOADS: { file: string; href: string; format: string; what: string; columns?: readonly CsvColumn<never>[] }[] = [
  {
    file: "commitments.csv",
    href: "/data/commitments.csv",
    format: "CSV",
    what: "One row per commitment: owners, deadline as published and its due date, status, overdue and days overdue.",
    columns: COMMITMENT_COLUMNS as readonly CsvColumn<never>[],
  },
  {
    file: "status-updates.csv",
    href: "/data/status-updates.csv",
    format: "CSV",
    what: "Every published status update, with what happened and its source.",
    columns: STATUS_UPDATE_COLUMNS as readonly CsvColumn<never>[],
  },
  {
    file: "deadline-revisions.csv",
    href: "/data/deadline-revisions.csv",
    format: "CSV",
    what: "Every deadline as first published and every revision: from, to, by how many days, why, and the source.",
    columns: DEADLINE_REVISION_COLUMNS as readonly CsvColumn<never>[],
  },
  {
    file: "scorecards.csv",
    href: "/data/scorecards.csv",
    format: "CSV",
    what: "One row per organisation: the commitments it leads, delivered on time, delivered late, overdue now, missed then moved, with no deadline and with no progress reported.",
    columns: SCORECARD_COLUMNS as readonly CsvColumn<never>[],
  },
  {
    file: "tracker.json",
    href: "/data/tracker.json",
    format: "JSON",
    what: "Everything above in one file, with areas and organisations, stamped with its as-of date and the time it was made.",
  },
];

const PROBLEMS = [
  {
    id: "problem-invalid-parameters",
    status: 400,
    title: "Your request parameters are not valid",
    text: "A query parameter has a value the endpoint cannot use, or the endpoint has no such parameter. The errors list names each parameter and says what is wrong with it. Fix them and try again.",
  },
  {
    id: "problem-not-found",
    status: 404,
    title: "Not found",
    text: "There is no commitment (or area) with that slug, or the commitment had not been announced by the as_of date you asked for.",
  },
  {
    id: "problem-gone",
    status: 410,
    title: "Removed from the tracker",
    text: "The commitment was taken off the tracker, for example because no published source states it as a roadmap commitment. The detail says when and why; /corrections lists every removal. Ask with version= an earlier version to see it as it was then published.",
  },
  {
    id: "problem-unavailable",
    status: 503,
    title: "The data is unavailable right now",
    text: "The tracker could not read its data. Nothing is wrong with your request: try again in a minute.",
  },
];

export default async function DataPage() {
  const origin = siteOrigin();
  const today = todayIso();
  const areas = await areaList();
  const document = openApiDocument();
  const examples = ENDPOINT_EXAMPLES.map((e) => ({
    ...e,
    url: e.query ? `${e.path}?${new URLSearchParams(e.query as Record<string, string>)}` : e.path,
  }));

  return (
    <>
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Open data and API</h1>
      <p className="text-xl mb-4">
        Everything on this site is open data. Download it, query it, follow it and republish it: no account or key is needed.
      </p>
      <nav aria-labelledby="contents-heading" className="mb-8">
        <h2 id="contents-heading" className="text-lg font-bold mb-2">
          Contents
        </h2>
        <ul className="list-disc pl-6">
          <li>
            <a href="#licence">Licence and how to cite the data</a>
          </li>
          <li>
            <a href="#downloads">Download the data</a>
          </li>
          <li>
            <a href="#follow">Follow changes and deadlines</a>
          </li>
          <li>
            <a href="#api">JSON API</a>
          </li>
          <li>
            <a href="#errors">Errors</a>
          </li>
          <li>
            <a href="#schemas">Data fields</a>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="licence" className="mb-10">
        <h2 id="licence" className="text-2xl md:text-3xl font-bold mb-4">
          Licence and how to cite the data
        </h2>
        <p className="mb-4">
          The data is available under the{" "}
          <a href={LICENCE.url} rel="license">
            {LICENCE.name}
          </a>
          . You may copy, publish, adapt and use it, commercially or not, as long as you acknowledge the source, for example: “{LICENCE.attribution}”
        </p>
        <p className="mb-2">Suggested citation for the data as it stands today:</p>
        <blockquote className="border-l-4 border-border pl-4 mb-4">{suggestedCitation(origin, today, today)}</blockquote>
        <p className="mb-4">
          To cite the data, give the version: every publish takes the next version of the record, every answer says which it shows (
          <Code>meta.version</Code> in the API, the <Code>record_version</Code> column of commitments.csv, “Cite this page” on every page), and every
          download, feed, API answer and public page takes <Code>version=N</Code>, or <Code>recorded_on=YYYY-MM-DD</Code> for the last version
          recorded by the end of that day (UK time). At a version, nothing published later changes what you see, so such answers may be cached for a
          year.
        </p>
        <p className="mb-4">
          <Code>as_of=YYYY-MM-DD</Code> is different: it shows what was true on that date, as the tracker knows it now, so an update published later
          about an earlier date changes it. The two combine: <Code>version=N&amp;as_of=D</Code> is what was true on D as the tracker knew it at
          version N.
        </p>
      </section>

      <section aria-labelledby="downloads" className="mb-10">
        <h2 id="downloads" className="text-2xl md:text-3xl font-bold mb-4">
          Download the data
        </h2>
        <Table
          id="download-files"
          caption="Files"
          head={["File", "Format", "What it contains"]}
          rows={DOWNLOADS.map((d) => [
            <a key="f" href={d.href}>
              {d.file}
            </a>,
            d.format,
            d.what,
          ])}
        />
        <p className="mb-4">
          Add <Code>?as_of=YYYY-MM-DD</Code> to any file for the tracker as it stood on that date, for example{" "}
          <a href={`/data/commitments.csv?as_of=2026-06-30`}>commitments.csv as of 30 June 2026</a>, and <Code>version=N</Code> for the record exactly
          as it was published at that version. Files are made from the database when you ask for them, each at one version.
        </p>
        <p className="mb-4">
          commitments.csv also takes every filter of the <a href="/commitments">commitments list</a> and its <Code>sort</Code> (for example{" "}
          <a href={"/data/commitments.csv?overdue=true&sort=overdue"}>the overdue commitments, most overdue first</a>): each list’s “Download these
          commitments as CSV” link gives exactly the commitments it lists, in its order. scorecards.csv takes the{" "}
          <a href="/organisations">scorecards</a>’ <Code>sort</Code>, <Code>order</Code> and <Code>area</Code>.
        </p>
        <h3 className="text-xl font-bold mb-2">About the CSV files</h3>
        <ul className="list-disc pl-6 mb-4">
          <li>They follow RFC 4180: comma-separated, fields in double quotes, lines ending in CRLF, first row is the column names.</li>
          <li>They are UTF-8 with a byte-order mark, so Excel shows accents and curly quotes correctly when you open them directly.</li>
          <li>
            Dates are written <Code>YYYY-MM-DD</Code>; times are UTC in ISO 8601. Yes/no columns are <Code>true</Code> or <Code>false</Code>. An empty
            cell means there is no value.
          </li>
          <li>
            To protect you from formula injection, any text cell that begins with <Code>=</Code>, <Code>+</Code>, <Code>-</Code>, <Code>@</Code>, a
            tab or a line break is written with an apostrophe in front (<Code>&apos;=</Code>), so spreadsheets show it as text instead of running it.
            Remove the apostrophe if you process the text with a program. Numbers, including negative ones, are written as they are. tracker.json
            always has the text exactly as published.
          </li>
        </ul>
        {DOWNLOADS.filter((d) => d.columns).map((d) => (
          <Details key={d.file} summary={`Columns in ${d.file}`}>
            <Table
              id={`columns-${d.file.replace(".", "-")}`}
              caption={`Columns in ${d.file}`}
              head={["Column", "Meaning"]}
              rows={d.columns!.map((c) => [<Code key="c">{c.header}</Code>, c.description])}
            />
          </Details>
        ))}
        <p className="mb-4">
          tracker.json is described by the <a href="#schema-TrackerSnapshot">TrackerSnapshot</a> schema in the{" "}
          <a href="/api/v1/openapi.json">OpenAPI document</a>.
        </p>
      </section>

      <section aria-labelledby="follow" className="mb-10">
        <h2 id="follow" className="text-2xl md:text-3xl font-bold mb-4">
          Follow changes and deadlines
        </h2>
        <h3 className="text-xl font-bold mb-2">Atom feeds</h3>
        <p className="mb-2">
          <a href="/changes.atom">All published changes (Atom feed)</a> has one entry for each status update and deadline revision, newest first, with
          a link to the commitment and the source. It holds the latest {FEED_ENTRY_LIMIT}; the full log is on the <a href="/changes">changes page</a>{" "}
          and in the API.
        </p>
        <p className="mb-2">
          Every commitment, area and organisation has its own feed, at its page’s address with <Code>/changes.atom</Code> added, for example{" "}
          <Code>{`${origin}/organisations/cabinet-office/changes.atom`}</Code>. Each page links its feeds under “Follow”. The feeds of each area:
        </p>
        <ul className="list-disc pl-6 mb-4">
          {areas.map((a) => (
            <li key={a.slug}>
              <a href={`/areas/${a.slug}/changes.atom`}>{a.title} (Atom feed)</a>,{" "}
              <a href={`/areas/${a.slug}/deadlines.ics`}>its deadlines (iCalendar)</a>
            </li>
          ))}
        </ul>
        <p className="mb-4">
          An entry is the same in every feed that holds it (its id does not change), links to the commitment’s page, and names the source of the
          change and a link to cite: the commitment’s page exactly as published with that change. <Code>?area=</Code> and an area slug still limits{" "}
          <Code>/changes.atom</Code> to one or more areas.
        </p>
        <h3 className="text-xl font-bold mb-2">Deadline calendars</h3>
        <p className="mb-2">
          <a href="/deadlines.ics">Upcoming deadlines (iCalendar)</a> has an all-day event on the due date of every commitment that is not yet closed,
          with the deadline as published and a link to the commitment. Subscribe to it in your calendar app with this address, and it moves events
          when a deadline is revised:
        </p>
        <CodeBlock>{`${origin}/deadlines.ics`}</CodeBlock>
        <p className="mb-4">
          Each area and organisation has its own calendar, at its page’s address with <Code>/deadlines.ics</Code> added, for example{" "}
          <Code>{`${origin}/organisations/cabinet-office/deadlines.ics`}</Code>. An event is the same in every calendar (its UID is fixed per
          commitment), so subscribing to two does not duplicate it in one calendar app. <Code>?area=</Code> still works on <Code>/deadlines.ics</Code>
          .
        </p>
      </section>

      <section aria-labelledby="api" className="mb-10">
        <h2 id="api" className="text-2xl md:text-3xl font-bold mb-4">
          JSON API
        </h2>
        <p className="mb-2">
          The API is read-only, free and needs no key. Its base address is <Code>{`${origin}/api/v1`}</Code>. The{" "}
          <a href="/api/v1/openapi.json">OpenAPI 3.1 document</a> describes every endpoint and field; it is generated from the same code that checks
          the data, and this reference is generated from it.
        </p>
        <ul className="list-disc pl-6 mb-4">
          <li>
            <strong>Dates and as-of</strong>: dates are <Code>YYYY-MM-DD</Code>. Status, deadline and overdue are worked out for <Code>as_of</Code>{" "}
            (default: today, or for a version the day it was recorded), any date from 1 January 2026. A status update has three dates:{" "}
            <Code>occurred</Code> (when it happened, as the source words it, or null when no source says), <Code>confirmed</Code> (with the source’s
            precision) and <Code>publishedAt</Code>.
          </li>
          <li>
            <strong>Versions</strong>: <Code>version</Code> or <Code>recorded_on</Code> (not both) on every endpoint; <Code>meta.version</Code> says
            which version an answer shows. Missed deadlines are in <Code>missedDeadlines</Code>, and <Code>missed=true</Code> lists commitments that
            have missed one.
          </li>
          <li>
            <strong>Lists</strong>: items are under <Code>data</Code>, with <Code>meta</Code> (<Code>asOf</Code>, <Code>total</Code>,{" "}
            <Code>page</Code>, <Code>pageSize</Code>) and <Code>links</Code> to the first, previous, next and last pages. <Code>page_size</Code> is{" "}
            {DEFAULT_PAGE_SIZE} by default and at most {MAX_PAGE_SIZE}.
          </li>
          <li>
            <strong>Caching</strong>: every response has an <Code>ETag</Code>; send it back in <Code>If-None-Match</Code> and you get{" "}
            <Code>304 Not Modified</Code> when nothing changed. <Code>Cache-Control</Code> is <Code>{PUBLIC_CACHE_CONTROL}</Code>.
          </li>
          <li>
            <strong>From a web page</strong>: CORS is open, so any website can read the API, the downloads and the feeds from the browser.
          </li>
          <li>
            <strong>Strict parameters</strong>: a parameter the endpoint does not know is an error, so a typo such as <Code>organization=</Code>{" "}
            cannot silently return everything.
          </li>
        </ul>
        <p className="mb-2">Check whether anything changed since your last request:</p>
        <CodeBlock>{`curl -i -H 'If-None-Match: "<the ETag you were given>"' '${origin}/api/v1/changes?since=2026-06-01'`}</CodeBlock>
        <EndpointReference document={document} origin={origin} examples={examples} />
      </section>

      <section aria-labelledby="errors" className="mb-10">
        <h2 id="errors" className="text-2xl md:text-3xl font-bold mb-4">
          Errors
        </h2>
        <p className="mb-4">
          Errors are <a href="https://www.rfc-editor.org/rfc/rfc9457">RFC 9457 problem details</a> (<Code>application/problem+json</Code>), with{" "}
          <Code>type</Code>, <Code>title</Code>, <Code>status</Code>, <Code>detail</Code> and <Code>instance</Code>. The <Code>type</Code> links to
          one of these explanations.
        </p>
        {PROBLEMS.map((p) => (
          <section key={p.id} aria-labelledby={p.id} className="mb-4">
            <h3 id={p.id} className="text-xl font-bold mb-2">
              {p.status}: {p.title}
            </h3>
            <p>{p.text}</p>
          </section>
        ))}
        <p className="mb-2 mt-4">For example:</p>
        <CodeBlock>
          {JSON.stringify(
            {
              type: `${origin}/data#problem-invalid-parameters`,
              title: "Your request parameters are not valid",
              status: 400,
              detail: "Check this parameter: status.",
              instance: "/api/v1/commitments?status=nearly_done",
              errors: [{ parameter: "status", detail: 'status "nearly_done" must be one of "not_started"|"in_progress"|…' }],
            },
            null,
            2,
          )}
        </CodeBlock>
      </section>

      <section aria-labelledby="schemas" className="mb-10">
        <h2 id="schemas" className="text-2xl md:text-3xl font-bold mb-4">
          Data fields
        </h2>
        <p className="mb-4">
          What each object in the API and in tracker.json contains. Dates of the as-of view are as of {formatLongDate(today)} unless you ask for
          another.
        </p>
        <SchemaReference document={document} />
      </section>
    </>
  );
}
