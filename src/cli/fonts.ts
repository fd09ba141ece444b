/**
 * A Japanese-capable font on this machine, for drawing the timeline as PNG: `KIKITORI_FONT`,
 * else the usual places of Noto Sans CJK, IPAex, Hiragino, Meiryo and Yu Gothic, else what
 * fontconfig (`fc-list :lang=ja`) knows. The SVG needs none of this: viewers pick a font.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

export interface FontChoice {
  /** Font files (regular, and bold when there is one). */
  files: string[];
  /** The family name in those files, used for every family the SVG asks for. */
  family: string;
}

const KNOWN: { family: string; files: string[] }[] = [
  { family: "Noto Sans CJK JP", files: ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"] },
  { family: "Noto Sans CJK JP", files: ["/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc"] },
  {
    family: "Noto Sans CJK JP",
    files: ["/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc"],
  },
  { family: "Noto Sans CJK JP", files: ["/opt/homebrew/share/fonts/NotoSansCJK-Regular.ttc"] },
  { family: "IPAexGothic", files: ["/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf", "/usr/share/fonts/ipa-gothic/ipaexg.ttf"] },
  { family: "Hiragino Sans", files: ["/System/Library/Fonts/ヒラギノ角ゴシック W3.ttc", "/System/Library/Fonts/ヒラギノ角ゴシック W6.ttc"] },
  { family: "Hiragino Kaku Gothic ProN", files: ["/System/Library/Fonts/ヒラギノ角ゴ ProN W3.otf", "/System/Library/Fonts/ヒラギノ角ゴ ProN W6.otf"] },
  { family: "Meiryo", files: ["C:\\Windows\\Fonts\\meiryo.ttc", "C:\\Windows\\Fonts\\meiryob.ttc"] },
  { family: "Yu Gothic", files: ["C:\\Windows\\Fonts\\YuGothM.ttc", "C:\\Windows\\Fonts\\YuGothB.ttc"] },
];

export function findJapaneseFont(env: Record<string, string | undefined>): FontChoice | undefined {
  const own = (env.KIKITORI_FONT ?? "").split(path.delimiter).filter((f) => f !== "" && fs.existsSync(f));
  if (own.length > 0) return { files: own, family: familyOf(own[0] ?? "") };
  for (const k of KNOWN) {
    const files = k.files.filter((f) => fs.existsSync(f));
    // The first file of each entry is the regular weight; without it the entry does not count.
    if (files[0] === k.files[0]) return { files, family: k.family };
  }
  return fromFontconfig();
}

/** fontconfig's Japanese fonts, sans-serif families first, regular and bold of the first one. */
function fromFontconfig(): FontChoice | undefined {
  const r = spawnSync("fc-list", [":lang=ja", "file", "family", "style"], { encoding: "utf8", timeout: 5000 });
  if (r.status !== 0 || !r.stdout) return undefined;
  const fonts = r.stdout
    .split("\n")
    .map((line) => /^(.+?): ([^:]+?)(?::style=(.*))?$/.exec(line))
    .flatMap((m) => (m?.[1] && m[2] ? [{ file: m[1], family: (m[2].split(",")[0] ?? "").trim(), style: m[3] ?? "" }] : []))
    .sort((a, b) => rank(a.family) - rank(b.family));
  const first = fonts[0];
  if (!first) return undefined;
  const same = fonts.filter((f) => f.family === first.family);
  const regular = same.find((f) => /Regular|Book|Normal|W3/.test(f.style)) ?? first;
  const bold = same.find((f) => /Bold|W6/.test(f.style));
  return { files: [regular.file, ...(bold && bold.file !== regular.file ? [bold.file] : [])], family: first.family };
}

const rank = (family: string) => (/Sans|Gothic|ゴシック/i.test(family) ? 0 : 1);

/**
 * The family name (name ID 1, English if there is one) of a TrueType/OpenType font or of the
 * first font of a collection: resvg finds fonts by family, and a font given by its file
 * must answer to the family the picture asks for.
 */
export function familyOf(file: string): string {
  try {
    const buf = fs.readFileSync(file);
    const font = buf.toString("latin1", 0, 4) === "ttcf" ? buf.readUInt32BE(12) : 0;
    const tables = buf.readUInt16BE(font + 4);
    for (let i = 0; i < tables; i++) {
      const rec = font + 12 + i * 16;
      if (buf.toString("latin1", rec, rec + 4) !== "name") continue;
      const name = buf.readUInt32BE(rec + 8);
      const count = buf.readUInt16BE(name + 2);
      const strings = name + buf.readUInt16BE(name + 4);
      let found = "";
      for (let j = 0; j < count; j++) {
        const r = name + 6 + j * 12;
        const [platform, , language, id, length, offset] = [0, 2, 4, 6, 8, 10].map((o) => buf.readUInt16BE(r + o));
        if (id !== 1 || platform !== 3) continue;
        const bytes = Buffer.from(buf.subarray(strings + (offset ?? 0), strings + (offset ?? 0) + (length ?? 0)));
        const text = bytes.swap16().toString("utf16le");
        if (language === 0x409) return text;
        found ||= text;
      }
      return found;
    }
  } catch {
    // Not a font file we can read: resvg will say nothing useful either, so no family.
  }
  return "";
}
