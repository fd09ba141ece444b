// The first run of a checkout linked by `npm install -g .` or `npm link`: build dist/ once,
// or say how to get the build tools. (An installed package always has dist/: `npm pack`
// builds it in `prepack`, and this file is not in the package.)
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export async function firstBuild() {
  if (!existsSync(join(root, "node_modules", "esbuild"))) {
    process.stderr.write(
      `kikitori is not built yet: run \`npm install\` in ${root} (it installs the build tools), then run kikitori again.\n` +
        `kikitori はまだビルドされていません: ${root} で \`npm install\` を実行してから、もう一度 kikitori を実行してください。\n`,
    );
    process.exit(1);
  }
  process.stderr.write("building kikitori (first run from a checkout) / 初回のビルド中…\n");
  const r = spawnSync(process.execPath, [join(root, "scripts", "build.mjs")], { stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
