// The editor back office: its own navigation under the site header. Every page below reads the
// session on the server (requireUser), and every action checks it again.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { currentUser, csrfToken } from "@/server/auth/session";

export const metadata: Metadata = {
  title: { default: "Editor", template: "%s – Editor – Roadmap Tracker" },
  robots: { index: false, follow: false },
};

export default async function EditorLayout({ children }: { children: ReactNode }) {
  await connection();
  const user = await currentUser();
  const token = user ? await csrfToken() : null;
  const links = user
    ? [
        { href: "/editor", label: "Dashboard" },
        { href: "/editor/commitments", label: "Commitments" },
        { href: "/editor/proposals", label: "Proposals" },
        { href: "/editor/import", label: "Import" },
        { href: "/editor/reports", label: "Reports" },
        ...(user.role === "admin"
          ? [
              { href: "/editor/users", label: "Users" },
              { href: "/editor/audit", label: "Audit log" },
            ]
          : []),
        { href: "/editor/account/sessions", label: "Your sessions" },
        { href: "/editor/account/password", label: "Change password" },
      ]
    : [];
  return (
    <div>
      <div className="bg-panel border-b border-border -mt-8 mb-8 -mx-4 px-4 py-3">
        <p className="font-bold mb-1">
          Editor back office
          {user && (
            <span className="font-normal">
              {" "}
              – signed in as {user.name} ({user.role === "admin" ? "admin" : user.organisations.map((o) => o.name).join(", ")})
            </span>
          )}
        </p>
        {user && (
          <nav aria-label="Editor" className="flex flex-wrap items-center gap-x-5 gap-y-1">
            <ul className="flex flex-wrap gap-x-5 gap-y-1">
              {links.map((l) => (
                <li key={l.href}>
                  <a href={l.href}>{l.label}</a>
                </li>
              ))}
            </ul>
            {token ? (
              <form method="post" action="/api/auth/signout" className="inline">
                <input type="hidden" name="csrfToken" value={token} />
                <input type="hidden" name="callbackUrl" value="/editor/sign-in?signedOut=1" />
                <button type="submit" className="text-link underline underline-offset-2 cursor-pointer bg-transparent p-0">
                  Sign out
                </button>
              </form>
            ) : (
              <a href="/editor/sign-out">Sign out</a>
            )}
          </nav>
        )}
      </div>
      {children}
    </div>
  );
}
