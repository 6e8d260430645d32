import type { Metadata } from "next";
import { NO_PROGRESS_DEFINITION, STATUS_DEFINITIONS } from "@/domain/status";
import { DEADLINE_READING_RULES, DEADLINE_RULES } from "@/domain/deadline";
import { HISTORY_RULES, MISSED_RULES } from "@/domain/history";
import { OCCURRENCE_EXAMPLES, OCCURRENCE_RULES, datePrecisionLabel } from "@/domain/occurrence";
import { LATENESS_EXAMPLES, LATENESS_RULES, describeExample } from "@/domain/lateness";
import { VERSION_RULES } from "@/domain/versions";
import { Breadcrumbs } from "@/components/govuk/breadcrumbs";
import { StatusTag } from "@/components/govuk/tag";
import { DataTable, cellClass } from "@/components/govuk/table";
import { longDate } from "@/domain/dates";
import { ATTENTION_RULES } from "@/domain/attention";

export const metadata: Metadata = { title: "Methodology: statuses and deadline rules" };
// Rendered per request, though it has no data: the Content-Security-Policy nonce (src/proxy.ts)
// can only be put on Next.js's scripts when a page is rendered at request time.
export const dynamic = "force-dynamic";

// Everything on this page comes from the rule definitions the code itself uses
// (src/domain/status.ts, deadline.ts, occurrence.ts, history.ts, lateness.ts, versions.ts, attention.ts), so it cannot drift from what the tracker does.
export default function MethodologyPage() {
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <h1 className="text-3xl md:text-5xl font-bold mb-6">How the tracker works</h1>
      <p className="text-lg md:text-xl mb-4 max-w-3xl">
        The rules the tracker uses, in plain English. This page is generated from the same rule definitions the tracker’s code runs, so what you read
        here is exactly what it does.
      </p>
      <p className="mb-8 max-w-3xl">
        A status is only ever what a published source confirmed, chosen by an editor and checked by a second one; “overdue”, “delivered late” and
        “missed” are worked out from dates, never typed in.
      </p>

      <nav aria-labelledby="contents-heading" className="mb-10">
        <h2 id="contents-heading" className="text-xl font-bold mb-2">
          Contents
        </h2>
        <ul className="list-disc pl-6 space-y-1">
          <li>
            <a href="#statuses">Statuses</a>
          </li>
          <li>
            <a href="#deadlines">Deadlines and due dates</a>
          </li>
          <li>
            <a href="#dates">When it happened, when it was confirmed, when it was published</a>
          </li>
          <li>
            <a href="#history">Overdue, delivered late and past dates</a>
          </li>
          <li>
            <a href="#lateness">On time or late</a>
          </li>
          <li>
            <a href="#missed">Missed deadlines</a>
          </li>
          <li>
            <a href="#versions">Versions and citing the tracker</a>
          </li>
          <li>
            <a href="#pages">What the pages show</a>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="statuses" className="mb-12">
        <h2 id="statuses" className="text-2xl md:text-3xl font-bold mb-4">
          Statuses
        </h2>
        <p className="mb-6 max-w-3xl">
          Each commitment has one of six statuses. Delivered, delivered differently and dropped are <strong>closed</strong>: a closed commitment can
          no longer be overdue. The code in brackets is the one used in the open data and API.
        </p>
        <dl className="space-y-6 max-w-3xl">
          {STATUS_DEFINITIONS.map((d) => (
            <div key={d.code} className="border-l-4 border-border pl-4">
              <dt className="mb-1">
                <StatusTag code={d.code} /> <code className="text-secondary-ink text-base">({d.code})</code>
                {d.closed && <span className="text-base"> closed</span>}
              </dt>
              <dd>{d.description}</dd>
            </div>
          ))}
          <div className="border-l-4 border-border pl-4">
            <dt className="mb-1">
              <StatusTag code={NO_PROGRESS_DEFINITION.code} /> <code className="text-secondary-ink text-base">({NO_PROGRESS_DEFINITION.code})</code>
            </dt>
            <dd>
              Not a status an update can give: what a commitment reads, as “{NO_PROGRESS_DEFINITION.sentence}”, while no update is in effect.{" "}
              {NO_PROGRESS_DEFINITION.description}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="deadlines" className="mb-12">
        <h2 id="deadlines" className="text-2xl md:text-3xl font-bold mb-4">
          Deadlines and due dates
        </h2>
        <ul className="list-disc pl-6 space-y-2 mb-8 max-w-3xl">
          {DEADLINE_READING_RULES.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
        {DEADLINE_RULES.map((rule) => (
          <section key={rule.precision} aria-labelledby={`precision-${rule.precision}`} className="mb-10">
            <h3 id={`precision-${rule.precision}`} className="text-xl md:text-2xl font-bold mb-2">
              {rule.name} <code className="text-secondary-ink text-base font-normal">({rule.precision})</code>
            </h3>
            <p className="mb-4 max-w-3xl">{rule.rule}</p>
            <DataTable
              id={`examples-${rule.precision}`}
              caption={<span className="text-base">Examples: {rule.name.toLowerCase()}</span>}
              head={["Deadline as published", "Read on", "Period starts", "Due date"]}
            >
              {rule.examples.map((ex) => (
                <tr key={`${ex.label}-${ex.referenceDate}`}>
                  <td className={cellClass}>{ex.label}</td>
                  <td className={cellClass}>{longDate(ex.referenceDate)}</td>
                  <td className={cellClass}>{ex.windowStart ? longDate(ex.windowStart) : "None"}</td>
                  <td className={cellClass}>{ex.dueDate ? longDate(ex.dueDate) : "None (never overdue)"}</td>
                </tr>
              ))}
            </DataTable>
          </section>
        ))}
      </section>

      <section aria-labelledby="dates" className="mb-12">
        <h2 id="dates" className="text-2xl md:text-3xl font-bold mb-4">
          When it happened, when it was confirmed, when it was published
        </h2>
        <ul className="list-disc pl-6 space-y-2 mb-8 max-w-3xl">
          {OCCURRENCE_RULES.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
        <DataTable
          id="examples-dates"
          caption={
            <span className="text-base">
              Examples: dates of things that happened, read from a source confirmed by {longDate(OCCURRENCE_EXAMPLES[0]!.referenceDate)}
            </span>
          }
          head={["As the source words it", "Precision", "Period starts", "Period ends"]}
        >
          {OCCURRENCE_EXAMPLES.map((ex) => (
            <tr key={ex.label}>
              <td className={cellClass}>{ex.label}</td>
              <td className={cellClass}>{datePrecisionLabel(ex.precision)}</td>
              <td className={cellClass}>{longDate(ex.from)}</td>
              <td className={cellClass}>{longDate(ex.to)}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="history" className="mb-12">
        <h2 id="history" className="text-2xl md:text-3xl font-bold mb-4">
          Overdue, delivered late and past dates
        </h2>
        <ul className="list-disc pl-6 space-y-2 max-w-3xl">
          {HISTORY_RULES.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="lateness" className="mb-12">
        <h2 id="lateness" className="text-2xl md:text-3xl font-bold mb-4">
          On time or late
        </h2>
        <ul className="list-disc pl-6 space-y-2 mb-6 max-w-3xl">
          {LATENESS_RULES.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
        <p className="font-bold mb-2">Examples</p>
        <ul className="list-disc pl-6 space-y-2 max-w-3xl">
          {LATENESS_EXAMPLES.map((ex) => (
            <li key={ex.happenedLabel + ex.dueLabel}>{describeExample(ex)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="missed" className="mb-12">
        <h2 id="missed" className="text-2xl md:text-3xl font-bold mb-4">
          Missed deadlines
        </h2>
        <ul className="list-disc pl-6 space-y-2 max-w-3xl">
          {MISSED_RULES.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="versions" className="mb-12">
        <h2 id="versions" className="text-2xl md:text-3xl font-bold mb-4">
          Versions and citing the tracker
        </h2>
        <ul className="list-disc pl-6 space-y-2 max-w-3xl">
          {VERSION_RULES.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="pages" className="mb-12">
        <h2 id="pages" className="text-2xl md:text-3xl font-bold mb-4">
          What the pages show
        </h2>
        <ul className="list-disc pl-6 space-y-2 max-w-3xl">
          {ATTENTION_RULES.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
          <li>
            Add <code>?as_of=YYYY-MM-DD</code> to any page to see what was true that day, and <code>?version=N</code> or{" "}
            <code>?recorded_on=YYYY-MM-DD</code> to see the record as it was published then. “Cite this page” gives a link with both.
          </li>
        </ul>
      </section>
    </>
  );
}
