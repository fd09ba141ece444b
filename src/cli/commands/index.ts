/**
 * The everyday commands, loaded together in one lazy step: each ES module costs ~1.5 ms to
 * load, and splitting them one per command made a render load 19 modules. What is heavy and
 * rarely needed stays behind its own import: the prompts (inquirer, imported by start and
 * resume only when they prompt) and pack sharing (tar).
 */
export { runAsk } from "./ask.ts";
export { runImport } from "./import.ts";
export { runMessage } from "./message.ts";
export { runMigrate } from "./migrate.ts";
export { runPackList, runPackShow, runPackSkeleton, runPackValidate } from "./pack.ts";
export { runRender } from "./render.ts";
export { runResume } from "./resume.ts";
export { runSchedule } from "./schedule.ts";
export { runStart } from "./start.ts";
