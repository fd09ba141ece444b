import { describe, expect, it } from "vitest";
import { stripControls } from "../../src/controls.ts";

describe("stripControls", () => {
  it.each([
    ["plain text", "Hello, 世界", "Hello, 世界"],
    ["bidi override (Trojan Source)", "price \u202e0001\u202c yen", "price 0001 yen"],
    ["bidi isolates", "a\u2066b\u2069c\u2067d\u2068e", "abcde"],
    ["Arabic and Hebrew text kept", "مرحبا שלום", "مرحبا שלום"],
    ["newline and tab kept", "a\n\tb", "a\n\tb"],
    ["CRLF becomes LF", "a\r\nb", "a\nb"],
    ["bare CR dropped", "safe\rEVIL", "safeEVIL"],
    ["CSI colour", "\x1b[31mred\x1b[0m", "red"],
    ["CSI clear screen and cursor", "\x1b[2J\x1b[1;1Hx", "x"],
    ["OSC title with BEL", "\x1b]0;pwned\x07Title", "Title"],
    ["OSC 8 hyperlink with ST", "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\", "click"],
    ["OSC 52 clipboard", "\x1b]52;c;ZWNobyBoaQ==\x07ok", "ok"],
    ["DCS", "\x1bPq#0;2;0;0;0\x1b\\done", "done"],
    ["two-byte escape", "\x1bcreset", "reset"],
    ["8-bit CSI", "\u009b31mred", "red"],
    ["8-bit OSC", "\u009d0;title\u009ctext", "text"],
    ["C0 controls", "a\x00b\x07c\x08d\x7f", "abcd"],
    ["unterminated OSC", "ok\x1b]0;rest", "ok"],
    ["lone ESC at the end", "ok\x1b", "ok"],
  ])("%s", (_name, input, expected) => {
    expect(stripControls(input)).toBe(expected);
  });
});
