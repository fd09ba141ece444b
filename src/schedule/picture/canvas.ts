// The shared ground of the picture's drawing: the canvas, colours, fonts, text and shapes.

import { xmlText } from "./text.ts";

export const BASE_WIDTH = 1080;
export const P = 48;
export const DATE_W = 180;
export const LANE_W = (BASE_WIDTH - 2 * P - DATE_W) / 2;
export const LANE_X = { client: P + DATE_W, worker: P + DATE_W + LANE_W } as const;
export const TEXT = 27;
export const LINE = 35;

export const FONT_STACK =
  "'Noto Sans CJK JP', 'Noto Sans JP', 'Source Han Sans JP', 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Yu Gothic', YuGothic, Meiryo, 'BIZ UDPGothic', 'IPAexGothic', sans-serif";

export const COLORS = {
  ink: "#212529",
  muted: "#495057",
  faint: "#adb5bd",
  rule: "#e9ecef",
  worker: "#1864ab",
  workerBar: "#a5d8ff",
  client: "#087f5b",
  clientBar: "#63e6be",
  deadline: "#d9480f",
  deadlineBg: "#fff4e6",
  today: "#e03131",
};

/** A piece of the picture and how tall it is; drawn at a vertical offset. */
export interface Block {
  height: number;
  draw(y: number): string;
}

export const esc = xmlText;
export const text = (x: number, y: number, s: string, size: number, fill: string, extra = "") =>
  `<text x="${r(x)}" y="${r(y)}" font-size="${size}" fill="${fill}"${extra}>${esc(s)}</text>`;
export const r = (n: number) => Math.round(n * 10) / 10;

export function star(cx: number, cy: number, radius: number, fill: string): string {
  const points = Array.from({ length: 10 }, (_, i) => {
    const a = (Math.PI / 5) * i - Math.PI / 2;
    const d = i % 2 === 0 ? radius : radius * 0.45;
    return `${r(cx + d * Math.cos(a))},${r(cy + d * Math.sin(a))}`;
  });
  return `<polygon points="${points.join(" ")}" fill="${fill}"/>`;
}
