import type { Metadata } from "next";
import { requireAdmin } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { listUsers } from "@/server/editor/queries";
import { ButtonLink, PageHeading, SuccessBanner, Tag } from "@/components/editor/ui";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin("/editor/users");
  const params = await searchParams;
  const users = await listUsers(getDb());
  return (
    <>
      {params.notice === "saved" && <SuccessBanner title="User saved" />}
      <PageHeading>Users</PageHeading>
      <ButtonLink href="/editor/users/new">Add a user</ButtonLink>
      <div className="overflow-x-auto" role="region" aria-label="Users" tabIndex={0}>
        <table className="w-full border-collapse text-base mb-8">
          <caption className="sr-only">Users</caption>
          <thead>
            <tr className="border-b-2 border-ink text-left">
              <th scope="col" className="py-2 pr-4">Name</th>
              <th scope="col" className="py-2 pr-4">Role</th>
              <th scope="col" className="py-2 pr-4">Organisations</th>
              <th scope="col" className="py-2">Account</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-b border-border align-top">
                <td className="py-2 pr-4">
                  <a href={`/editor/users/${u.id}`}>{u.name}</a>
                  <span className="block text-secondary-ink text-sm">{u.email}</span>
                </td>
                <td className="py-2 pr-4">{u.role === "admin" ? "Admin" : "Editor"}</td>
                <td className="py-2 pr-4">{u.organisations.map((o) => o.name).join(", ") || "–"}</td>
                <td className="py-2">
                  {u.disabled ? <Tag tone="grey">Disabled</Tag> : u.mustChangePassword ? <Tag tone="orange">One-time password</Tag> : <Tag tone="green">Active</Tag>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
