// The parameters of the department scorecards (/organisations and its CSV download), defined
// once: which column to sort by, which way, and optionally only some areas. The as-of date and
// record version are the shared ones of commitment-query.ts.
import { z } from "zod";
import { SCORECARD_SORTS, defaultOrder, type ScorecardSort, type SortOrder } from "../domain/scorecard";
import { commitmentQueryFields, parseParam, type RawParams } from "./commitment-query";
import type { FieldError } from "./errors";

export const SCORECARD_COLUMN_MESSAGE = "must be a column of the scorecard";
const SORT_ORDER_MESSAGE = "must be asc or desc";

export const scorecardQueryFields = {
  sort: z.enum(SCORECARD_SORTS, { error: `${SCORECARD_COLUMN_MESSAGE}: ${SCORECARD_SORTS.join(", ")}` }).describe("The column to sort by"),
  order: z.enum(["asc", "desc"], { error: SORT_ORDER_MESSAGE }).describe("asc (smallest or A first) or desc (largest first)"),
  area: commitmentQueryFields.area,
} as const;

export type ScorecardQuery = { sort: ScorecardSort; order: SortOrder; area: string[] };

/** Bad values are reported and replaced by the defaults: by name, A to Z. */
export function parseScorecardQuery(raw: RawParams, errors: FieldError[]): ScorecardQuery {
  const f = scorecardQueryFields;
  const sort = parseParam(raw, "sort", f.sort, errors) ?? "name";
  const order = parseParam(raw, "order", f.order, errors) ?? defaultOrder(sort);
  const area = parseParam(raw, "area", f.area, errors, true) ?? [];
  return { sort, order, area };
}
