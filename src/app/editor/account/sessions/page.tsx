// The editor's sessions: where they are signed in now, and a way to end the others (a lost
// laptop, a shared computer). Each session also ends by itself: 8 hours after signing in, or after
// 60 minutes without activity.
import type { Metadata } from "next";
import { getDb } from "@/server/db";
import { currentSession, requireUser } from "@/server/auth/session";
import { listSessions, SESSION_RULES } from "@/server/auth/sessions";
import { firstParam } from "@/schemas/commitment-query";
import { formatDateTime } from "@/domain/dates";
import { ActionForm, HiddenField, SubmitButton } from "@/components/editor/action-form";
import { PageHeading } from "@/components/govuk/heading";
import { SuccessBanner } from "@/components/govuk/notification-banner";
import { DataTable, cellClass, rowHeaderClass } from "@/components/govuk/table";
import { endSessionsAction } from "./actions";

export const metadata: Metadata = { title: "Your sessions" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SessionsPage({ searchParams }: Props) {
  const user = await requireUser("/editor/account/sessions");
  const current = (await currentSession())!;
  const sessions = await listSessions(getDb(), user.id);
  const ended = Number(firstParam((await searchParams).ended) ?? NaN);
  const others = sessions.filter((s) => s.id !== current.session.id);
  return (
    <div>
      {ended >= 0 && (
        <SuccessBanner heading={ended === 1 ? "1 session has ended" : `${ended} sessions have ended`}>
          <p>Anyone using {ended === 1 ? "it" : "them"} has to sign in again.</p>
        </SuccessBanner>
      )}
      <PageHeading>Your sessions</PageHeading>
      <p className="mb-6">
        These are the browsers where you are signed in. A session ends {SESSION_RULES.absoluteHours} hours after you sign in, or after{" "}
        {SESSION_RULES.idleMinutes} minutes without activity, and when you sign out.
      </p>
      <DataTable id="sessions" caption="Where you are signed in" captionHidden head={["Browser", "Signed in", "Last active", "Network address", ""]}>
        {sessions.map((s) => (
          <tr key={String(s.id)}>
            <th scope="row" className={rowHeaderClass}>
              {s.userAgent}
              {s.id === current.session.id && <strong className="block">This session</strong>}
            </th>
            <td className={cellClass}>{formatDateTime(s.createdAt.toISOString())}</td>
            <td className={cellClass}>{formatDateTime(s.lastSeenAt.toISOString())}</td>
            <td className={cellClass}>{s.address}</td>
            <td className={cellClass}>
              {s.id !== current.session.id && (
                <ActionForm action={endSessionsAction} defaults={{ session: String(s.id) }}>
                  <HiddenField name="session" />
                  <SubmitButton variant="secondary">End this session</SubmitButton>
                </ActionForm>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      {others.length > 0 && (
        <ActionForm action={endSessionsAction} defaults={{ session: "others" }}>
          <HiddenField name="session" />
          <SubmitButton variant="warning">End all other sessions</SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}
