import type { Metadata } from "next";
import { requireAdmin } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { formOptions } from "@/server/editor/queries";
import { ActionForm, SubmitButton } from "@/components/editor/action-form";
import { UserFields } from "@/components/editor/user-fields";
import { BackLink } from "@/components/govuk/back-link";
import { PageHeading } from "@/components/govuk/heading";
import { createUserAction } from "../actions";

export const metadata: Metadata = { title: "Add a user" };

export default async function NewUserPage() {
  await requireAdmin("/editor/users/new");
  const { organisations } = await formOptions(getDb());
  return (
    <div className="md:w-3/4">
      <BackLink href="/editor/users">All users</BackLink>
      <PageHeading>Add a user</PageHeading>
      <p className="mb-8">They get a one-time password, shown here once, which they must replace when they first sign in.</p>
      <ActionForm action={createUserAction} defaults={{ role: "editor", organisations: [] }}>
        <UserFields organisations={organisations} withEmail />
        <SubmitButton>Add user</SubmitButton>
      </ActionForm>
    </div>
  );
}
