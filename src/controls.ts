/**
 * Terminal control sequences in text that came from a pack or a tarball. Shown on a terminal,
 * ESC/CSI/OSC sequences can move the cursor, rewrite what was printed, set the window title,
 * write hyperlinks or (on some terminals) the clipboard; a bare CR can overwrite a line. We
 * drop them, keeping newline and tab, before anything reaches the screen.
 */

// Order matters: whole sequences first (so their parameters go too), then lone controls.
const SEQUENCES = [
  // OSC, DCS, SOS, PM, APC: a payload ended by BEL or ST (ESC \); unterminated runs to the end.
  /\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?/g,
  // CSI: ESC [ parameters, intermediates, final byte.
  /\x1b\[[0-?]*[ -/]*[@-~]?/g,
  // Any other escape: ESC, intermediates, final byte.
  /\x1b[ -/]*[0-~]?/g,
  // The 8-bit forms: CSI (U+009B), and OSC/DCS/SOS/PM/APC with their payload up to ST (U+009C).
  /\u009b[0-?]*[ -/]*[@-~]?/g,
  /[\u0090\u0098\u009d\u009e\u009f][^\x07\u009c\x1b]*(?:\x07|\u009c)?/g,
];
// C0 controls except tab (09) and newline (0A), DEL, C1 controls, and the Unicode bidi
// embeddings, overrides and isolates (U+202A-202E, U+2066-2069), which can make text display
// in an order other than the one it is read in ("Trojan Source").
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const ANY = /[\x00-\x08\x0b-\x1f\x7f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The text without terminal control sequences and control characters (tab and newline kept). */
export function stripControls(s: string): string {
  if (!ANY.test(s)) return s;
  let out = s.replace(/\r\n/g, "\n");
  for (const re of SEQUENCES) out = out.replace(re, "");
  return out.replace(CONTROLS, "");
}
