// One proposal: what it would publish, and — for a second editor or an admin — the decision.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { loadProposalPage } from "@/server/editor/pages";
import { firstParam } from "@/schemas/commitment-query";
import { formatDateTime } from "@/domain/dates";
import { ActionForm, HiddenField, RadiosField, SubmitButton, TextAreaField } from "@/components/editor/action-form";
import { ProposalStateTag, ProposalSummary, proposalTitle } from "@/components/editor/proposal-summary";
import { BackLink } from "@/components/govuk/back-link";
import { ButtonLink } from "@/components/govuk/button";
import { ImportantBanner, SuccessBanner } from "@/components/govuk/notification-banner";
import { PageHeading } from "@/components/govuk/heading";
import { InsetText } from "@/components/govuk/inset-text";
import { WarningText } from "@/components/govuk/warning-text";
import { checkForcedAction, forcePublishAction, reviewProposalAction, withdrawProposalAction } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Proposal" };

const NOTICES: Record<string, { title: string; body: string }> = {
  proposed: {
    title: "Sent for checking",
    body: "A second editor or an admin will check it before it is published. You can see it on your dashboard.",
  },
  approved: { title: "Approved and published", body: "The change is now on the public site." },
  forced: {
    title: "Published without a second editor",
    body: "The change is on the public site now, marked “Not yet checked by a second editor” until another editor checks it.",
  },
  checked: { title: "Checked", body: "The “Not yet checked by a second editor” mark has gone from the public site." },
  returned: { title: "Returned to the author", body: "They can change it and send it again, or withdraw it." },
  withdrawn: { title: "Proposal withdrawn", body: "It will not be published." },
  resubmitted: { title: "Sent for checking again", body: "A second editor or an admin will check the new version." },
};

const ACTIONS: Record<string, string> = {
  "proposal.create": "Proposed",
  "proposal.approve": "Approved and published",
  "proposal.force_publish": "Published by an admin without a second editor",
  "proposal.check": "Checked by a second editor",
  "proposal.return": "Returned to the author",
  "proposal.withdraw": "Withdrawn",
  "proposal.resubmit": "Changed and sent again",
};

export default async function ProposalPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  const user = await requireUser(`/editor/proposals/${rawId}`);
  const data = await loadProposalPage(getDb(), user, rawId);
  if (data.kind === "not-found") notFound();
  const { proposal, current, commitment, names, history, mayReview, mayForcePublish, mayCheck, mayWithdraw, mayResubmit, ownPending } = data;
  const back = proposal.commitment.published
    ? { href: `/editor/commitments/${proposal.commitment.slug}`, label: "Back to the commitment" }
    : { href: "/editor", label: "Back to your dashboard" };
  const noticeKey = firstParam((await searchParams).notice);

  return (
    <div className="md:w-3/4">
      <BackLink href={back.href}>{back.label}</BackLink>
      {noticeKey && NOTICES[noticeKey] && (
        <SuccessBanner heading={NOTICES[noticeKey].title}>
          <p>{NOTICES[noticeKey].body}</p>
        </SuccessBanner>
      )}
      {noticeKey === "stale" && (
        <ImportantBanner heading="Someone else acted on this proposal first">
          <p>Nothing you submitted was saved. This is the proposal as it is now.</p>
        </ImportantBanner>
      )}
      <PageHeading caption={proposal.commitment.title}>{proposalTitle(proposal)}</PageHeading>
      <p className="mb-6">
        <ProposalStateTag state={proposal.state} /> Proposed by {proposal.author.name} on {formatDateTime(proposal.createdAt)}
        {proposal.reviewer && proposal.reviewedAt
          ? `; ${proposal.state === "approved" ? "approved" : "checked"} by ${proposal.reviewer.name} on ${formatDateTime(proposal.reviewedAt)}`
          : ""}
        .
      </p>
      {proposal.state === "returned" && proposal.reviewComment && (
        <InsetText>
          <h2 className="font-bold">Comment from {proposal.reviewer?.name ?? "the reviewer"}</h2>
          <p className="whitespace-pre-wrap">{proposal.reviewComment}</p>
        </InsetText>
      )}
      {proposal.forced && !proposal.forced.checked && (
        <WarningText>
          Not yet checked by a second editor. {proposal.forcedBy?.name ?? "An admin"} published this without a second editor; it is marked so on the
          public site until another editor checks it.
        </WarningText>
      )}
      <ProposalSummary proposal={proposal} current={current} commitment={commitment} names={names} />
      {proposal.state === "approved" && proposal.commitment.published && (
        <p className="mb-8">
          <a href={`/commitments/${proposal.commitment.slug}`}>See it on the public page</a>
        </p>
      )}

      {mayReview && (
        <section aria-labelledby="decision-heading" className="mb-8">
          <h2 id="decision-heading" className="text-2xl font-bold mb-4">
            Check this proposal
          </h2>
          <p className="mb-4">Check that the evidence says what the proposal says, and that the wording is clear to the public.</p>
          <ActionForm action={reviewProposalAction} defaults={{ proposalId: String(proposal.id), version: String(proposal.version) }}>
            <HiddenField name="proposalId" />
            <HiddenField name="version" />
            <RadiosField
              name="decision"
              legend="Your decision"
              options={[
                { value: "approve", label: "Approve and publish", hint: "It goes on the public site straight away." },
                { value: "return", label: "Return it to the author", hint: "Tell them what to change in the comment." },
              ]}
            />
            <TextAreaField name="comment" label="Comment for the author" hint="Needed if you return it. Optional if you approve it." rows={3} />
            <SubmitButton>Confirm decision</SubmitButton>
          </ActionForm>
        </section>
      )}
      {mayCheck && (
        <section aria-labelledby="check-heading" className="mb-8">
          <h2 id="check-heading" className="text-2xl font-bold mb-4">
            Check this published change
          </h2>
          <p className="mb-4">
            If it is right, confirm it: the public mark goes. If it is wrong, propose a correction; it stays marked until it is checked.
          </p>
          <ActionForm action={checkForcedAction} defaults={{ proposalId: String(proposal.id) }}>
            <HiddenField name="proposalId" />
            <SubmitButton>Confirm it is right</SubmitButton>
          </ActionForm>
        </section>
      )}
      {mayForcePublish && (
        <section aria-labelledby="force-heading" className="mb-8">
          <h2 id="force-heading" className="text-xl font-bold mb-2">
            Publish now without a second editor
          </h2>
          <p className="mb-4">
            Only in an emergency. It goes on the public site straight away, marked “Not yet checked by a second editor” until another editor checks
            it.
          </p>
          <ActionForm action={forcePublishAction} defaults={{ proposalId: String(proposal.id), version: String(proposal.version) }}>
            <HiddenField name="proposalId" />
            <HiddenField name="version" />
            <SubmitButton variant="warning">Publish now without a second editor</SubmitButton>
          </ActionForm>
        </section>
      )}
      {ownPending && <p className="mb-6 font-bold">You proposed this, so a second editor or an admin must check it.</p>}
      {mayResubmit && <ButtonLink href={`/editor/proposals/${proposal.id}/edit`}>Change it and send it again</ButtonLink>}
      {mayWithdraw && (
        <section aria-labelledby="withdraw-heading" className="mb-8">
          <h2 id="withdraw-heading" className="text-xl font-bold mb-2">
            Withdraw this proposal
          </h2>
          <p className="mb-4">It will not be published. It stays in the audit log.</p>
          <ActionForm action={withdrawProposalAction} defaults={{ proposalId: String(proposal.id), version: String(proposal.version) }}>
            <HiddenField name="proposalId" />
            <HiddenField name="version" />
            <SubmitButton variant="warning">Withdraw proposal</SubmitButton>
          </ActionForm>
        </section>
      )}

      <h2 className="text-2xl font-bold mb-2">History</h2>
      <ol className="border-l-4 border-brand ml-2 mb-8">
        {history.map((event) => (
          <li key={event.id} className="pl-4 pb-4">
            <p className="font-bold">{ACTIONS[event.action] ?? event.action}</p>
            <p className="text-secondary-ink">
              {event.actorName ?? "System"}, {formatDateTime(event.at)}
            </p>
            {typeof event.after?.comment === "string" && <p className="whitespace-pre-wrap">“{event.after.comment}”</p>}
          </li>
        ))}
      </ol>
    </div>
  );
}
