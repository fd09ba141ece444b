/**
 * The timeline as PNG: the SVG drawn by resvg (@resvg/resvg-js, a prebuilt native module,
 * loaded only here, only when a PNG is asked for) with a Japanese-capable font of the system.
 */
import { createRequire } from "node:module";
import { NotFoundError } from "../errors.ts";
import { msg } from "../i18n.ts";
import { subsetFonts } from "./font-subset.ts";
import { type FontChoice, findJapaneseFont } from "./fonts.ts";

interface ResvgModule {
  Resvg: new (
    svg: string,
    options: {
      fitTo: { mode: "width"; value: number };
      font: { loadSystemFonts: boolean; fontFiles: string[]; defaultFontFamily?: string; sansSerifFamily?: string };
      background?: string;
    },
  ) => { render(): { asPng(): Uint8Array } };
}

function loadResvg(): ResvgModule {
  try {
    return createRequire(import.meta.url)("@resvg/resvg-js") as ResvgModule;
  } catch {
    throw new NotFoundError(
      msg(
        `PNG を描くための @resvg/resvg-js (${process.platform}-${process.arch} 用) を読み込めません。npm install で入れ直すか、-o で .svg を指定してください`,
        `cannot load @resvg/resvg-js for ${process.platform}-${process.arch}, which draws the PNG: reinstall with npm install, or write an .svg with -o`,
      ),
    );
  }
}

/** Any CJK character: such text needs a Japanese font; plain Latin text can use any font of the system. */
const CJK = /[\u3000-\u30FF\u3400-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/u;

export async function renderPng(
  svg: string,
  width: number,
  env: Record<string, string | undefined>,
  findFont: (env: Record<string, string | undefined>) => FontChoice | undefined = findJapaneseFont,
): Promise<Uint8Array> {
  const font = findFont(env);
  if (!font && CJK.test(svg)) {
    throw new NotFoundError(
      msg(
        "PNG に使える日本語フォントが見つかりません。fonts-noto-cjk を入れてください (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk、Fedora: sudo dnf install google-noto-sans-cjk-fonts)。フォントファイルを KIKITORI_FONT で指定することもできます。SVG (-o plan.svg) はフォントなしで作れます",
        "no Japanese font for the PNG: install fonts-noto-cjk (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk; Fedora: sudo dnf install google-noto-sans-cjk-fonts), or point KIKITORI_FONT at a font file. An SVG (-o plan.svg) needs no font",
      ),
    );
  }
  const { Resvg } = loadResvg();
  const family = font?.family || undefined;
  // Every character the picture shows, markup aside (entities' letters are harmless extras).
  const fonts = font ? await subsetFonts(font.files, `${svg.replace(/<[^>]*>/g, "")}&<>"'…`) : { files: [], dispose: () => {} };
  try {
    const resvg = new Resvg(svg, {
      fitTo: { mode: "width", value: width },
      background: "#ffffff",
      font: {
        loadSystemFonts: !font,
        fontFiles: fonts.files,
        ...(family ? { defaultFontFamily: family, sansSerifFamily: family } : {}),
      },
    });
    return resvg.render().asPng();
  } finally {
    fonts.dispose();
  }
}
