import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { combineDateParts, dateProblem, dateProblemMessage, readTypedDate, splitDateValue } from "../../src/domain/date-entry";
import { addDays } from "../../src/domain/dates";
import { foldDateFields, foldedDateQuery, typedDateSchema } from "../../src/schemas/date-input";

const arbDate = fc.integer({ min: 0, max: 20_000 }).map((n) => addDays("1990-01-01", n));

describe("readTypedDate", () => {
  it("reads the ways people type a date, day first", () => {
    for (const t of [
      "2026-06-30",
      "30/06/2026",
      "30/6/2026",
      "30-06-2026",
      "30.06.2026",
      "30 6 2026",
      "30 June 2026",
      "30 jun 2026",
      " 30 / 06 / 2026 ",
    ])
      expect(readTypedDate(t), t).toBe("2026-06-30");
  });

  it("refuses what is not a real date", () => {
    for (const t of ["31/06/2026", "30/13/2026", "29/02/2027", "30/06/26", "06/30/2026x", "yesterday", "", "2026-02-30"])
      expect(readTypedDate(t), t).toBeNull();
    expect(readTypedDate("29/02/2028")).toBe("2028-02-29");
  });

  it("reads back every date written day/month/year or as its three boxes", () => {
    fc.assert(
      fc.property(arbDate, (iso) => {
        const { day, month, year } = splitDateValue(iso);
        expect(readTypedDate(`${day}/${month}/${year}`)).toBe(iso);
        expect(combineDateParts({ day, month, year })).toBe(iso);
        expect(combineDateParts({ day: `${day}/${month}/${year}`, month: "", year: "" })).toBe(iso);
        expect(dateProblem(iso)).toBeNull();
      }),
    );
  });
});

describe("date problems in GOV.UK's words", () => {
  const label = "The date to view the tracker on";
  const message = (parts: { day: string; month: string; year: string }) => {
    const p = dateProblem(combineDateParts(parts));
    return p && dateProblemMessage(label, p);
  };
  it("names the missing boxes", () => {
    expect(message({ day: "30", month: "", year: "2026" })).toBe("The date to view the tracker on must include a month");
    expect(message({ day: "", month: "", year: "2026" })).toBe("The date to view the tracker on must include a day and month");
    expect(message({ day: "30", month: "6", year: "" })).toBe("The date to view the tracker on must include a year");
  });
  it("says a date that does not exist must be a real date, and a short year needs 4 numbers", () => {
    expect(message({ day: "31", month: "6", year: "2026" })).toBe("The date to view the tracker on must be a real date, for example 30 6 2026");
    expect(message({ day: "30", month: "6", year: "26" })).toBe("The year must include 4 numbers");
    expect(message({ day: "", month: "", year: "" })).toBeNull();
  });
});

describe("foldDateFields and typedDateSchema", () => {
  it("make the three boxes one value, and read a whole date typed in one box", () => {
    const folded = foldDateFields(new URLSearchParams("as_of-day=30&as_of-month=6&as_of-year=2026&q=ai"), ["as_of"]);
    expect(folded.toString()).toBe("q=ai&as_of=2026-06-30");
    expect(foldDateFields(new URLSearchParams("as_of=30%2F06%2F2026"), ["as_of"]).get("as_of")).toBe("2026-06-30");
    expect(foldDateFields({ announcedOn: "30/06/2026" }, ["announcedOn"])).toEqual({ announcedOn: "2026-06-30" });
    expect(foldDateFields({ "x-day": "31", "x-month": "6", "x-year": "2026" }, ["x"])).toEqual({ x: "31/6/2026" });
    // Empty boxes are no date at all.
    expect(foldDateFields(new URLSearchParams("as_of-day=&as_of-month=&as_of-year="), ["as_of"]).toString()).toBe("as_of=");
  });

  it("give the clean address a filter form stands for, or none when it sent no date boxes or no date", () => {
    const clean = (q: string) => foldedDateQuery(new URLSearchParams(q), ["as_of", "due_before"])?.toString() ?? null;
    expect(clean("status=delivered&as_of-day=1&as_of-month=5&as_of-year=2026&page=2")).toBe("status=delivered&page=2&as_of=2026-05-01");
    expect(clean("as_of-day=2026-05-01&as_of-month=&as_of-year=")).toBe("as_of=2026-05-01");
    // The form's other fields left empty go too: the pages read them as not given.
    expect(clean("area=&organisation=&status=&status=delivered&as_of-day=2026-05-01&as_of-month=&as_of-year=")).toBe(
      "status=delivered&as_of=2026-05-01",
    );
    // A field left empty is dropped; the other kept.
    expect(clean("as_of-day=&as_of-month=&as_of-year=&due_before-day=30&due_before-month=6&due_before-year=2026")).toBe("due_before=2026-06-30");
    expect(clean("as_of-day=&as_of-month=&as_of-year=")).toBe("");
    // Nothing to clean, or a date the page must explain: no redirect.
    expect(clean("as_of=2026-05-01&q=cloud")).toBeNull();
    expect(clean("as_of-day=30&as_of-month=&as_of-year=2026")).toBeNull();
    expect(clean("as_of-day=31&as_of-month=6&as_of-year=2026")).toBeNull();
  });

  it("parse to YYYY-MM-DD with plain messages", () => {
    const schema = typedDateSchema("The date the evidence was published", { notFuture: true });
    expect(schema.parse("30/06/2026")).toBe("2026-06-30");
    const msg = (v: string) => schema.safeParse(v).error?.issues[0]?.message;
    expect(msg("")).toBe("Enter the date the evidence was published");
    expect(msg("31/6/2026")).toBe("The date the evidence was published must be a real date, for example 30 6 2026");
    expect(msg("30//2026")).toBe("The date the evidence was published must include a month");
    expect(msg("01/01/2999")).toBe("The date the evidence was published must be today or in the past");
  });
});

describe("the editor's forms", () => {
  it("read each date input's three boxes, and a whole date typed in the first", async () => {
    const { formValues } = await import("../../src/schemas/editor");
    const values = formValues([
      ["evidencePublishedOn-day", "30"],
      ["evidencePublishedOn-month", "6"],
      ["evidencePublishedOn-year", "2026"],
      ["announcedOn-day", "19/01/2026"],
      ["announcedOn-month", ""],
      ["announcedOn-year", ""],
      ["note", "x"],
    ]);
    expect(values).toMatchObject({ evidencePublishedOn: "2026-06-30", announcedOn: "2026-01-19", note: "x" });
    expect(Object.keys(values).some((k) => k.endsWith("-day"))).toBe(false);
  });
});

describe("deadlineProblem", () => {
  it("explains a deadline that cannot be read in plain English, and says nothing of one that can", async () => {
    const { deadlineProblem } = await import("../../src/domain/deadline");
    expect(deadlineProblem("summer 2027", "season", "2026-06-01")).toBeNull();
    expect(deadlineProblem("29 February 2027", "day", "2026-06-01")).toBe("The deadline “29 February 2027” is not a real calendar date");
    expect(deadlineProblem("summer 2027", "month", "2026-06-01")).toBe(
      "The deadline “summer 2027” describes a season, but you chose “Month”: choose “Season”",
    );
    expect(deadlineProblem("", "month", "2026-06-01")).toBe("Enter the deadline as it was published");
    for (const message of [deadlineProblem("soonish", "year", "2026-06-01"), deadlineProblem("when pigs fly", "quarter", "2026-06-01")]) {
      expect(message).not.toMatch(/label|precision|"|YYYY/);
    }
  });
});
