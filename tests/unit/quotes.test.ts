import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { articleParagraphs, quoteOccursIn, quotedPhrases } from "../../src/domain/quotes";

describe("quotations and their cited paragraphs", () => {
  const paragraph = "GDS and the Treasury will start to apply new digital assurance measurers to all forms of spending control.";

  it("finds a quotation ignoring case, curly quotes and spacing", () => {
    expect(quoteOccursIn(paragraph, "gds and  the Treasury will start")).toBe(true);
    expect(quoteOccursIn("the ‘critically high’ risk", "the 'critically high' risk")).toBe(true);
    expect(quoteOccursIn(paragraph, "GDS and HM Treasury will start")).toBe(false);
  });

  it("reads an ellipsis as words left out: the parts must occur in order", () => {
    expect(quoteOccursIn(paragraph, "GDS … spending control")).toBe(true);
    expect(quoteOccursIn(paragraph, "GDS ... spending control")).toBe(true);
    expect(quoteOccursIn(paragraph, "spending control … GDS")).toBe(false);
    expect(quoteOccursIn(paragraph, "…")).toBe(false);
  });

  it("numbers paragraphs as non-empty lines", () => {
    expect(articleParagraphs("Title\n\nFirst line\n  \nSecond line\n")).toEqual(["Title", "First line", "Second line"]);
  });

  it("lists the phrases a summary quotes", () => {
    expect(quotedPhrases("HTN says it is ‘being developed’ and 'progress is being made'.")).toEqual(["being developed", "progress is being made"]);
    expect(quotedPhrases("government's plan and the department's work")).toEqual([]);
  });

  it("any part of a text occurs in it, and a text with a word added does not occur in the original (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{3,10}( [a-z]{3,10}){2,8}$/), fc.nat(), fc.nat(), (text, a, b) => {
        const words = text.split(" ");
        const from = a % words.length;
        const to = from + 1 + (b % (words.length - from));
        expect(quoteOccursIn(text, words.slice(from, to).join(" "))).toBe(true);
        expect(quoteOccursIn(text, `${text} zzzzz`)).toBe(false);
      }),
    );
  });
});
