import type { Precision } from "../../domain/deadline";
import type { StatusCode } from "../../domain/status";

export type Owner = { slug: string; name: string; abbreviation: string | null; lead: boolean };
export type SourceRef = { url: string; publisher: string; title: string; publishedOn: string };

export type CommitmentSummary = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  area: { slug: string; title: string };
  owners: Owner[];
  deadline: { label: string; precision: Precision; dueDate: string | null } | null;
  status: { code: StatusCode; confirmedOn: string | null };
  overdue: boolean;
  daysOverdue: number;
  daysUntilDue: number | null;
  deliveredLate: boolean;
  daysLate: number;
  revisionsCount: number;
  announcedOn: string;
  version: number;
};

export type StatusUpdateEntry = {
  kind: "status_update";
  id: number;
  date: string;
  status: StatusCode;
  note: string;
  source: SourceRef;
  publishedAt: string;
};

export type DeadlineRevisionEntry = {
  kind: "deadline_revision";
  id: number;
  date: string;
  original: boolean;
  label: string;
  precision: Precision;
  dueDate: string | null;
  previous: { label: string; dueDate: string | null } | null;
  slipDays: number | null;
  reason: string | null;
  source: SourceRef | null;
  publishedAt: string;
};

export type TimelineEntry = StatusUpdateEntry | DeadlineRevisionEntry;

export type ChangeEntry = TimelineEntry & {
  commitment: { slug: string; title: string; area: { slug: string; title: string } };
};
