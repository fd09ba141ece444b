/** The greeting built from the client's name, and amounts in the job's currency: one line per case. */
import { describe, expect, it } from "vitest";
import { formatMoney, salutation } from "../../src/render/client-words.ts";

describe("salutation", () => {
  it.each([
    ["", "ja", "casual", ""],
    ["山田", "ja", "casual", "山田 様"],
    ["山田様", "ja", "formal", "山田様"],
    ["株式会社ミライ研修 高橋様", "ja", "casual", "株式会社ミライ研修 高橋様"],
    ["", "en", "casual", "Hi,"],
    ["", "en", "formal", "Hello,"],
    ["Jane Smith", "en", "casual", "Hi Jane,"],
    ["Jane Smith", "en", "formal", "Dear Jane Smith,"],
    ["Ms. Jane Smith", "en", "formal", "Dear Ms. Smith,"],
    ["Ms Jane Smith", "en", "casual", "Hi Jane,"],
    ["ms smith", "en", "formal", "Dear Ms. smith,"],
    ["Dr. Lee", "en", "casual", "Hi Dr. Lee,"],
    ["Takahashi-san", "en", "formal", "Dear Takahashi-san,"],
    ["Yuki Takahashi san", "en", "casual", "Hi Takahashi-san,"],
    ["Takahashi様", "en", "formal", "Dear Takahashi-san,"],
    ["山田", "en", "casual", "Dear 山田様,"],
    ["山田 様", "en", "formal", "Dear 山田様,"],
    ["Acme Inc.", "en", "casual", "Hi Acme Inc. team,"],
  ] as const)("%j in %s (%s) → %j", (name, lang, style, expected) => {
    expect(salutation(name, lang, style)).toBe(expected);
  });

  it("never writes a title with a first name, nor a Japanese name after a bare Dear", () => {
    for (const name of ["Ms. Jane Smith", "Mr John Doe", "山田", "山田様"]) {
      const s = salutation(name, "en", "formal");
      expect(s).not.toMatch(/(Ms|Mr)\. \w+ \w+,/);
      expect(s).not.toBe("Dear 山田,");
    }
  });
});

describe("formatMoney", () => {
  it.each([
    [66000, "JPY", "ja", "66,000円（税込）"],
    [66000, "JPY", "en", "¥66,000 (tax included)"],
    [500, "USD", "en", "$500"],
    [12.5, "USD", "en", "$12.50"],
    [500, "USD", "ja", "500米ドル"],
    [300, "GBP", "en", "300 GBP"],
  ] as const)("%d %s in %s → %s", (n, currency, lang, expected) => {
    expect(formatMoney(n, currency, lang)).toBe(expected);
  });

  it("says nothing about consumption tax outside yen", () => {
    for (const c of ["USD", "EUR", "GBP"]) for (const lang of ["ja", "en"] as const) expect(formatMoney(100, c, lang)).not.toMatch(/税|tax/);
  });
});
