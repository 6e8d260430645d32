import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { loadUserPage } from "@/server/editor/pages";
import { ActionForm, HiddenField, RadiosField, SubmitButton } from "@/components/editor/action-form";
import { UserFields } from "@/components/editor/user-fields";
import { BackLink } from "@/components/govuk/back-link";
import { PageHeading } from "@/components/govuk/heading";
import { resetPasswordAction, resetTwoStepAction, updateUserAction } from "../actions";

export const metadata: Metadata = { title: "Change a user" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  const admin = await requireAdmin(`/editor/users/${rawId}`);
  const data = await loadUserPage(getDb(), rawId);
  if (data.kind === "not-found") notFound();
  const { user, organisations } = data;
  const self = user.id === admin.id;
  return (
    <div className="md:w-3/4">
      <BackLink href="/editor/users">All users</BackLink>
      <PageHeading caption={user.email}>{user.name}</PageHeading>
      {self && <p className="mb-6 font-bold">This is your own account: another admin must change your role or disable it.</p>}
      <ActionForm
        action={updateUserAction}
        defaults={{
          userId: String(user.id),
          name: user.name,
          role: user.role,
          organisations: user.organisations.map((o) => o.slug),
          disabled: user.disabled ? "yes" : "no",
        }}
      >
        <HiddenField name="userId" />
        <UserFields organisations={organisations} withEmail={false} />
        <RadiosField
          name="disabled"
          legend="Can they sign in?"
          options={[
            { value: "no", label: "Yes, the account is active" },
            {
              value: "yes",
              label: "No, disable the account",
              hint: "They are signed out at once. Their work stays in the history and the audit log.",
            },
          ]}
        />
        <SubmitButton>Save changes</SubmitButton>
      </ActionForm>
      <h2 className="text-2xl font-bold mb-2 mt-4">Reset their password</h2>
      <p className="mb-4">They get a new one-time password and are signed out everywhere.</p>
      <ActionForm action={resetPasswordAction} defaults={{ userId: String(user.id) }}>
        <HiddenField name="userId" />
        <SubmitButton variant="secondary">Reset password</SubmitButton>
      </ActionForm>
      <h2 className="text-2xl font-bold mb-2 mt-4">Reset their two-step verification</h2>
      <p className="mb-4">
        {user.twoStepEnrolled
          ? "For someone who has lost their phone and their recovery codes. They are signed out everywhere and set up an authenticator app again when they next sign in."
          : "They have not set up two-step verification yet: they will when they next sign in."}
      </p>
      {user.twoStepEnrolled && (
        <ActionForm action={resetTwoStepAction} defaults={{ userId: String(user.id) }}>
          <HiddenField name="userId" />
          <SubmitButton variant="secondary">Reset two-step verification</SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}
