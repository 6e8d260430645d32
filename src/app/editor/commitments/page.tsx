// Find a commitment to update: my organisations' by default, or all of them.
import type { Metadata } from "next";
import { firstParam } from "@/schemas/commitment-query";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { listEditorCommitments } from "@/server/editor/queries";
import { CommitmentTable } from "@/components/editor/lists";
import { ButtonLink, PageHeading } from "@/components/editor/ui";

export const metadata: Metadata = { title: "Commitments" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditorCommitmentsPage({ searchParams }: Props) {
  const user = await requireUser("/editor/commitments");
  const params = await searchParams;
  const q = firstParam(params.q)?.trim().slice(0, 200) || undefined;
  const scope = firstParam(params.scope) === "all" || (user.role === "admin" && firstParam(params.scope) !== "mine") ? "all" : "mine";
  const rows = await listEditorCommitments(getDb(), user, { scope, q });
  return (
    <>
      <PageHeading>Commitments</PageHeading>
      <ButtonLink href="/editor/commitments/new" secondary>
        Create a commitment
      </ButtonLink>
      <form method="get" action="/editor/commitments" className="mb-8 bg-panel p-4">
        <div className="mb-4">
          <label htmlFor="q" className="block font-bold mb-1">
            Search by title, summary or slug
          </label>
          <input id="q" name="q" type="search" defaultValue={q} className="block h-10 w-full md:w-2/3 border-2 border-input bg-white px-2" />
        </div>
        <fieldset className="mb-4">
          <legend className="font-bold mb-2">Show</legend>
          <div className="flex flex-wrap gap-6">
            <div className="flex items-center gap-2">
              <input id="scope" type="radio" name="scope" value="mine" defaultChecked={scope === "mine"} className="w-6 h-6" />
              <label htmlFor="scope">My organisations’ commitments</label>
            </div>
            <div className="flex items-center gap-2">
              <input id="scope-2" type="radio" name="scope" value="all" defaultChecked={scope === "all"} className="w-6 h-6" />
              <label htmlFor="scope-2">All commitments</label>
            </div>
          </div>
        </fieldset>
        <button type="submit" className="inline-block px-4 pt-2 pb-2.5 cursor-pointer text-lg bg-button text-white shadow-[0_2px_0_var(--color-button-shadow)] hover:bg-button-hover">
          Search
        </button>
      </form>
      <p className="mb-4" role="status">
        {rows.length === 1 ? "1 commitment" : `${rows.length} commitments`}
        {q ? ` matching “${q}”` : ""}
      </p>
      <CommitmentTable rows={rows} caption="Commitments" empty="No commitments match. Try other words, or show all commitments." />
    </>
  );
}
