// Who owns a commitment is shown with its basis, or the page says none is recorded (issue 12:
// nothing public without a source, or a visible mark that none is stated).
import { describe, expect, it } from "vitest";
import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ownerRows } from "../../src/components/owners";
import type { Owner } from "../../src/server/queries/types";

const source = { url: "https://www.gov.uk/roadmap", title: "The roadmap", publisher: "GDS", publishedOn: "2026-01-21", publishedLabel: null };
const owner = (slug: string, role: Owner["role"], basis: Owner["basis"]): Owner => ({
  slug,
  name: slug.toUpperCase(),
  abbreviation: null,
  lead: role === "lead",
  role,
  basis,
});
const html = (owners: Owner[]) =>
  renderToStaticMarkup(createElement(Fragment, null, ...ownerRows(owners, {}).map((row) => createElement("div", { key: row.key }, row.value))));

describe("owners on a public page", () => {
  it("each owner a source names comes with that citation", () => {
    const out = html([owner("gds", "lead", { source, paragraph: 29, quote: "GDS will lead" })]);
    expect(out).toContain("Named in");
    expect(out).toContain("paragraph 29");
    expect(out).not.toContain("No published source is recorded");
  });

  it("an owner recorded without a citation is visibly marked, never shown as if sourced", () => {
    const out = html([owner("gds", "lead", { source, paragraph: 29, quote: "GDS will lead" }), owner("hmt", "supporting", null)]);
    expect(out.match(/No published source is recorded for this owner/g)).toHaveLength(1);
  });

  it("a lead no source names is said to be not named", () => {
    expect(html([])).toContain("Lead organisation not named in published sources");
  });
});
