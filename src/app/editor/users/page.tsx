import type { Metadata } from "next";
import { requireAdmin } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { listUsers } from "@/server/editor/queries";
import { ButtonLink } from "@/components/govuk/button";
import { PageHeading } from "@/components/govuk/heading";
import { SuccessBanner } from "@/components/govuk/notification-banner";
import { Tag } from "@/components/govuk/tag";
import { DataTable, cellClass } from "@/components/govuk/table";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin("/editor/users");
  const params = await searchParams;
  const users = await listUsers(getDb());
  return (
    <>
      {params.notice === "saved" && <SuccessBanner heading="User saved" />}
      <PageHeading>Users</PageHeading>
      <ButtonLink href="/editor/users/new">Add a user</ButtonLink>
      <DataTable id="users-table" caption="Users" captionHidden head={["Name", "Role", "Organisations", "Account"]}>
        {users.map((u) => (
          <tr key={u.id}>
            <td className={cellClass}>
              <a href={`/editor/users/${u.id}`}>{u.name}</a>
              <span className="block text-secondary-ink text-sm">{u.email}</span>
            </td>
            <td className={cellClass}>{u.role === "admin" ? "Admin" : "Editor"}</td>
            <td className={cellClass}>{u.organisations.map((o) => o.name).join(", ") || "–"}</td>
            <td className={cellClass}>
              {u.disabled ? (
                <Tag tone="grey">Disabled</Tag>
              ) : u.mustChangePassword ? (
                <Tag tone="orange">One-time password</Tag>
              ) : (
                <Tag tone="green">Active</Tag>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
