// Small GOV.UK building blocks for editor pages (server-rendered, no JavaScript needed).
import type { ReactNode } from "react";
import { statusDefinition, type StatusCode } from "../../domain/status";
import { formatLongDate, isIsoDate } from "../../domain/dates";

export function PageHeading({ caption, children }: { caption?: ReactNode; children: ReactNode }) {
  return (
    <>
      {caption && <span className="block text-secondary-ink text-lg md:text-xl mb-1">{caption}</span>}
      <h1 className="text-3xl md:text-4xl font-bold mb-6">{children}</h1>
    </>
  );
}

/** GOV.UK notification banner (success), e.g. after a redirect. */
export function SuccessBanner({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div role="status" aria-labelledby="success-title" className="border-4 border-success mb-8">
      <p className="bg-success text-white font-bold px-4 py-1">Success</p>
      <div className="p-4">
        <h2 id="success-title" className="text-xl md:text-2xl font-bold mb-1">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}

/** GOV.UK notification banner (important information). */
export function ImportantBanner({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div role="region" aria-labelledby="important-title" className="border-4 border-brand mb-8">
      <p className="bg-brand text-white font-bold px-4 py-1">Important</p>
      <div className="p-4">
        <h2 id="important-title" className="text-xl font-bold mb-1">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}

const TAG_TONES: Record<string, string> = {
  grey: "bg-tag-grey text-tag-grey-ink",
  blue: "bg-tag-blue text-tag-blue-ink",
  orange: "bg-tag-orange text-tag-orange-ink",
  green: "bg-tag-green text-tag-green-ink",
  turquoise: "bg-tag-turquoise text-tag-turquoise-ink",
  red: "bg-tag-red text-tag-red-ink",
};

export function Tag({ tone, children }: { tone: keyof typeof TAG_TONES; children: ReactNode }) {
  return <strong className={`inline-block px-2 pt-0.5 pb-1 font-normal leading-tight ${TAG_TONES[tone]}`}>{children}</strong>;
}

export function StatusTag({ code }: { code: StatusCode }) {
  const def = statusDefinition(code);
  return <Tag tone={def.tone}>{def.label}</Tag>;
}

const PROPOSAL_TONES = { pending: "blue", returned: "orange", approved: "green", withdrawn: "grey" } as const;
const PROPOSAL_LABELS = { pending: "Waiting for check", returned: "Returned", approved: "Published", withdrawn: "Withdrawn" } as const;

export function ProposalStateTag({ state }: { state: keyof typeof PROPOSAL_TONES }) {
  return <Tag tone={PROPOSAL_TONES[state]}>{PROPOSAL_LABELS[state]}</Tag>;
}

export function longDate(d: string | null | undefined): string {
  if (!d) return "";
  return isIsoDate(d) ? formatLongDate(d) : d;
}

export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });
}

export type Row = { key: ReactNode; value: ReactNode; action?: ReactNode };

export function SummaryList({ rows }: { rows: Row[] }) {
  return (
    <dl className="mb-8">
      {rows.map((row, i) => (
        <div key={i} className="border-b border-border py-3 md:grid md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_auto] md:gap-6">
          <dt className="font-bold mb-1 md:mb-0">{row.key}</dt>
          <dd className="m-0 whitespace-pre-wrap">{row.value}</dd>
          <dd className="m-0">{row.action}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ButtonLink({ href, children, secondary = false }: { href: string; children: ReactNode; secondary?: boolean }) {
  const tone = secondary
    ? "bg-panel text-ink visited:text-ink hover:text-ink shadow-[0_2px_0_#858578] hover:bg-[#dbdad9]"
    : "bg-button text-white visited:text-white hover:text-white shadow-[0_2px_0_var(--color-button-shadow)] hover:bg-button-hover";
  return (
    <a href={href} role="button" draggable={false} className={`inline-block px-4 pt-2 pb-2.5 mb-6 mr-4 text-lg no-underline ${tone}`}>
      {children}
    </a>
  );
}

export function BackLink({ href, children = "Back" }: { href: string; children?: ReactNode }) {
  return (
    <a href={href} className="inline-block mb-6 text-ink visited:text-ink">
      <span aria-hidden="true">‹ </span>
      {children}
    </a>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="text-secondary-ink mb-6">{children}</p>;
}
