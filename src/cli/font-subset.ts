/**
 * Japanese fonts are large (Noto Sans CJK: 20 MB per weight), and resvg reads the font file
 * again for every glyph it draws: a picture with a few hundred characters took 5 to 10
 * seconds. Cut down to the characters the picture uses (HarfBuzz's subsetter, the wasm build
 * of harfbuzzjs) each font is some 50 KB, and the PNG takes well under a second.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";

interface HarfBuzz {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_set_add(set: number, codepoint: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;

async function loadHarfBuzz(): Promise<HarfBuzz> {
  const wasm = fs.readFileSync(createRequire(import.meta.url).resolve("harfbuzzjs/dist/harfbuzz-subset.wasm"));
  const { instance } = await WebAssembly.instantiate(wasm);
  const hb = instance.exports as unknown as HarfBuzz;
  hb._initialize();
  return hb;
}

/** The first font of `file` (a collection's first face) with only the glyphs of `text`, or undefined if HarfBuzz cannot. */
function subsetOne(hb: HarfBuzz, file: string, text: string): Uint8Array | undefined {
  const font = fs.readFileSync(file);
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) return undefined;
  const data = hb.malloc(font.byteLength);
  new Uint8Array(hb.memory.buffer).set(font, data);
  const blob = hb.hb_blob_create(data, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  const unicodes = hb.hb_subset_input_unicode_set(input);
  for (const ch of new Set(text)) hb.hb_set_add(unicodes, ch.codePointAt(0) ?? 0);
  const subset = hb.hb_subset_or_fail(face, input);
  hb.hb_subset_input_destroy(input);
  let out: Uint8Array | undefined;
  if (subset !== 0) {
    const result = hb.hb_face_reference_blob(subset);
    const at = hb.hb_blob_get_data(result, 0);
    // The wasm memory may have grown meanwhile: view it afresh.
    out = new Uint8Array(hb.memory.buffer).slice(at, at + hb.hb_blob_get_length(result));
    hb.hb_blob_destroy(result);
    hb.hb_face_destroy(subset);
  }
  hb.hb_face_destroy(face);
  hb.free(data);
  return out && out.byteLength > 0 ? out : undefined;
}

export interface SubsetFonts {
  files: string[];
  /** Removes the subset files. */
  dispose(): void;
}

/** The fonts cut down to `text`, in a temporary folder; the originals wherever subsetting fails. */
export async function subsetFonts(files: readonly string[], text: string): Promise<SubsetFonts> {
  let hb: HarfBuzz;
  try {
    hb = await loadHarfBuzz();
  } catch {
    return { files: [...files], dispose: () => {} };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kikitori-fonts-"));
  const out = files.map((file, i) => {
    const subset = subsetOne(hb, file, text);
    if (!subset) return file;
    const target = path.join(dir, `${i}${path.extname(file) === ".ttc" ? ".otf" : path.extname(file)}`);
    fs.writeFileSync(target, subset);
    return target;
  });
  return { files: out, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
