// The client's picture as one self-contained SVG: text as text in a CJK-capable font stack,
// no external fonts, images or links. Drawn on a 1080-unit-wide canvas (a phone screen's
// width in pixels) and scaled to the width asked for. Pure.

import { formatDate } from "../../date-format.ts";
import type { IsoDate } from "../../iso-date.ts";
import type { Lang } from "../types.ts";
import { BASE_WIDTH, type Block, COLORS, esc, FONT_STACK, LANE_W, LANE_X, P, r, star, text } from "./canvas.ts";
import { type PictureInput, type PictureModel, pictureModel } from "./model.ts";
import { rowsBlock } from "./rows.ts";
import { textWidth, wrapText } from "./text.ts";
import { WORDS } from "./words.ts";

export interface SvgOptions {
  /** Width of the picture in pixels (default 1080); everything scales with it. */
  width?: number;
}

export function renderPictureSvg(input: PictureInput, options: SvgOptions = {}): string {
  const model = pictureModel(input);
  const blocks = [
    titleBlock(model),
    deadlineBlock(model),
    laneHeader(model.lang, model.rows[0]?.date),
    rowsBlock(model),
    legendBlock(model.lang),
    noteBlock(model.lang),
  ];
  let y = P;
  const parts: string[] = [];
  for (const b of blocks) {
    parts.push(b.draw(y));
    y += b.height;
  }
  const height = Math.ceil(y + P);
  const width = options.width ?? BASE_WIDTH;
  const scaledHeight = Math.round((height * width) / BASE_WIDTH);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xml:lang="${model.lang}" width="${width}" height="${scaledHeight}" viewBox="0 0 ${BASE_WIDTH} ${height}" font-family="${esc(FONT_STACK)}" role="img">`,
    `<title>${esc(`${model.title} — ${model.deadline.what}`)}</title>`,
    `<desc>${esc(describe(model))}</desc>`,
    `<rect width="${BASE_WIDTH}" height="${height}" fill="#ffffff"/>`,
    ...parts,
    "</svg>",
    "",
  ].join("\n");
}

function titleBlock(model: PictureModel): Block {
  // A job title too long for one line is set a little smaller before it is wrapped.
  const size = [32, 28, 26].find((s) => textWidth(model.job, s, true) <= BASE_WIDTH - 2 * P) ?? 28;
  const job = model.job ? wrapText(model.job, BASE_WIDTH - 2 * P, size, 2, true) : [];
  const sub = wrapText(model.subtitle, BASE_WIDTH - 2 * P, 24, 2);
  return {
    height: 54 + job.length * 44 + sub.length * 32 + 30,
    draw: (y) =>
      [
        text(P, y + 40, model.title, 40, COLORS.ink, ' font-weight="bold"'),
        ...job.map((l, i) => text(P, y + 54 + 34 + i * 44, l, size, COLORS.ink, ' font-weight="bold"')),
        ...sub.map((l, i) => text(P, y + 54 + job.length * 44 + 26 + i * 32, l, 24, COLORS.muted)),
      ].join("\n"),
  };
}

/** The deadline and what it means, in a box nobody can miss, with the other date beside it. */
function deadlineBlock(model: PictureModel): Block {
  const { deadline, lang } = model;
  const inner = BASE_WIDTH - 2 * P - 2 * 28;
  const what = wrapText(deadline.what, inner, 32, 3, true);
  const other = wrapText(`${deadline.other}: ${formatDate(deadline.otherDate, lang)}`, inner, 25, 2);
  const boxH = 28 + what.length * 42 + 60 + other.length * 34 + 20;
  return {
    height: boxH + 36,
    draw: (y) => {
      const out = [
        `<rect x="${P}" y="${y}" width="${BASE_WIDTH - 2 * P}" height="${boxH}" rx="16" fill="${COLORS.deadlineBg}" stroke="${COLORS.deadline}" stroke-width="3"/>`,
      ];
      out.push(...what.map((l, i) => text(P + 28, y + 28 + 32 + i * 42, l, 32, COLORS.deadline, ' font-weight="bold"')));
      const dateY = y + 28 + what.length * 42 + 48;
      out.push(star(P + 28 + 16, dateY - 14, 17, COLORS.deadline));
      out.push(text(P + 28 + 44, dateY, formatDate(deadline.date, lang), 42, COLORS.ink, ' font-weight="bold"'));
      out.push(...other.map((l, i) => text(P + 28, dateY + 44 + i * 34, l, 25, COLORS.muted)));
      return out.join("\n");
    },
  };
}

function laneHeader(lang: Lang, firstDate: IsoDate | undefined): Block {
  const words = WORDS[lang];
  const year = firstDate ? (lang === "ja" ? `${firstDate.slice(0, 4)}年` : firstDate.slice(0, 4)) : "";
  const head = (lane: "client" | "worker", y: number) => {
    const x = LANE_X[lane];
    const [label, color] = lane === "client" ? [words.client, COLORS.client] : [words.worker, COLORS.worker];
    return [
      text(x + LANE_W / 2, y + 30, label, 27, color, ' font-weight="bold" text-anchor="middle"'),
      `<rect x="${x + 8}" y="${y + 44}" width="${LANE_W - 16}" height="5" rx="2" fill="${color}"/>`,
    ].join("\n");
  };
  return { height: 64, draw: (y) => [text(P, y + 30, year, 24, COLORS.muted, ' font-weight="bold"'), head("client", y), head("worker", y)].join("\n") };
}

function legendBlock(lang: Lang): Block {
  const l = WORDS[lang].legend;
  const items: [string, string][] = [
    [`<circle cx="12" cy="-8" r="11" fill="${COLORS.worker}"/>`, l.delivery],
    [`<rect x="2" y="-18" width="20" height="20" transform="rotate(45 12 -8)" fill="${COLORS.client}"/>`, l.due],
    [`<rect x="7" y="-26" width="10" height="36" rx="5" fill="${COLORS.workerBar}"/>`, l.work],
    [`<rect x="7" y="-26" width="10" height="36" rx="5" fill="${COLORS.clientBar}"/>`, l.window],
    [star(12, -8, 15, COLORS.deadline), l.deadline],
    [`<line x1="0" y1="-8" x2="26" y2="-8" stroke="${COLORS.today}" stroke-width="3" stroke-dasharray="8 5"/>`, l.today],
  ];
  const colW = (BASE_WIDTH - 2 * P) / 2;
  return {
    height: Math.ceil(items.length / 2) * 48 + 30,
    draw: (y) =>
      [
        `<line x1="${P}" y1="${y}" x2="${BASE_WIDTH - P}" y2="${y}" stroke="${COLORS.rule}" stroke-width="2"/>`,
        ...items.map(([shape, label], i) => {
          const x = P + (i % 2) * colW;
          const iy = y + 52 + Math.floor(i / 2) * 48;
          return `<g transform="translate(${r(x)} ${r(iy)})">${shape}</g>\n${text(x + 40, iy, label, 24, COLORS.muted)}`;
        }),
      ].join("\n"),
  };
}

function noteBlock(lang: Lang): Block {
  const lines = wrapText(WORDS[lang].note, BASE_WIDTH - 2 * P, 22, 3);
  return { height: lines.length * 32 + 8, draw: (y) => lines.map((l, i) => text(P, y + 24 + i * 32, l, 22, COLORS.muted)).join("\n") };
}

/** The picture in words, for screen readers and for anyone who cannot see it. */
function describe(model: PictureModel): string {
  const { lang, deadline } = model;
  const head = `${deadline.what}: ${formatDate(deadline.date, lang)}.`;
  const days = model.rows.map((row) => `${formatDate(row.date, lang)}: ${row.events.map((e) => e.label).join(lang === "ja" ? "、" : ", ")}`);
  return [head, ...days].join(lang === "ja" ? "\n" : ".\n");
}
