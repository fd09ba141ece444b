/** The CLI bundle's entry (dist/kikitori.cjs): every command line, through main(). */
import { main } from "./main.ts";
import { runWith } from "./process-io.ts";

export function run(): void {
  runWith(main);
}

/** The render batch's worker thread (dist/render-worker.cjs calls it); loaded only there. */
export async function renderWorker(): Promise<void> {
  const { renderWorker: serve } = await import("./render-worker.ts");
  await serve();
}
