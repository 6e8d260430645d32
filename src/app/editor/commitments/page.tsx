// Find a commitment to update: my organisations' by default, or all of them.
import type { Metadata } from "next";
import { firstParam } from "@/schemas/commitment-query";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { listEditorCommitments } from "@/server/editor/queries";
import { CommitmentTable } from "@/components/editor/commitment-table";
import { Button, ButtonLink } from "@/components/govuk/button";
import { TextInput } from "@/components/govuk/text-input";
import { Radios } from "@/components/govuk/radios";
import { PageHeading } from "@/components/govuk/heading";

export const metadata: Metadata = { title: "Commitments" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditorCommitmentsPage({ searchParams }: Props) {
  const user = await requireUser("/editor/commitments");
  const params = await searchParams;
  // PostgreSQL text cannot hold U+0000, so it is dropped rather than failing the search.
  const q = firstParam(params.q)?.replaceAll("\u0000", "").trim().slice(0, 200) || undefined;
  const scope = firstParam(params.scope) === "all" || (user.role === "admin" && firstParam(params.scope) !== "mine") ? "all" : "mine";
  const rows = await listEditorCommitments(getDb(), user, { scope, q });
  return (
    <>
      <PageHeading>Commitments</PageHeading>
      <ButtonLink href="/editor/commitments/new" variant="secondary">
        Create a commitment
      </ButtonLink>
      <form method="get" action="/editor/commitments" role="search" aria-label="Find a commitment" className="mb-8 bg-panel p-4">
        <TextInput name="q" type="search" label="Search by title, summary or slug" value={q} width="medium" inputMode="search" spellCheck={false} />
        <Radios
          name="scope"
          legend="Show"
          value={scope}
          options={[
            { value: "mine", label: "My organisations’ commitments" },
            { value: "all", label: "All commitments" },
          ]}
        />
        <Button>Search</Button>
      </form>
      <p className="mb-4" role="status">
        {rows.length === 1 ? "1 commitment" : `${rows.length} commitments`}
        {q ? ` matching “${q}”` : ""}
      </p>
      <CommitmentTable
        id="commitments-table"
        rows={rows}
        caption="Commitments"
        empty="No commitments match. Try other words, or show all commitments."
      />
    </>
  );
}
