/**
 * A minimal Language Server Protocol client for yaml-language-server (the server behind the
 * YAML extensions of VS Code and other editors): it opens a file and returns the diagnostics
 * the server publishes for it, as an editor would show them.
 */
import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "../helpers.ts";

export interface Diagnostic {
  message: string;
  severity?: number;
  range: { start: { line: number; character: number } };
}

const SERVER = path.join(ROOT, "node_modules", "yaml-language-server", "bin", "yaml-language-server");
const SETTINGS = { yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false }, format: { enable: false } } };

export function hasYamlServer(): boolean {
  return fs.existsSync(SERVER);
}

export class YamlServer {
  private readonly child: ChildProcess;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();
  private readonly waiting = new Map<string, (d: Diagnostic[]) => void>();

  constructor() {
    this.child = spawn(process.execPath, [SERVER, "--stdio"], { stdio: ["pipe", "pipe", "ignore"] });
    this.child.stdout?.on("data", (chunk: Buffer) => this.read(chunk));
  }

  async start(): Promise<void> {
    await this.request("initialize", { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
    this.notify("initialized", {});
    this.notify("workspace/didChangeConfiguration", { settings: SETTINGS });
  }

  /** Opens the file as an editor would and returns the first diagnostics published for it. */
  diagnostics(file: string): Promise<Diagnostic[]> {
    const uri = pathToFileURL(file).href;
    const done = new Promise<Diagnostic[]>((resolve) => this.waiting.set(uri, resolve));
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: 1, text: fs.readFileSync(file, "utf8") } });
    return done;
  }

  /** What the editor shows when the pointer rests on `line`, `character` (0-based) of an opened file. */
  async hover(file: string, line: number, character: number): Promise<string> {
    const r = (await this.request("textDocument/hover", { textDocument: { uri: pathToFileURL(file).href }, position: { line, character } })) as {
      contents?: { value?: string } | string;
    } | null;
    const c = r?.contents;
    return typeof c === "string" ? c : (c?.value ?? "");
  }

  close(): void {
    this.child.kill();
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }));
    this.child.stdin?.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin?.write(body);
  }

  private notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    const answer = new Promise<unknown>((resolve) => this.pending.set(id, resolve));
    this.send({ id, method, params });
    return answer;
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())?.[1] ?? 0);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString()) as {
        id?: number;
        method?: string;
        params?: { uri?: string; diagnostics?: Diagnostic[]; items?: unknown[] };
        result?: unknown;
      };
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.handle(message);
    }
  }

  private handle(m: { id?: number; method?: string; params?: { uri?: string; diagnostics?: Diagnostic[]; items?: unknown[] }; result?: unknown }): void {
    if (m.method === "textDocument/publishDiagnostics" && m.params?.uri) {
      const resolve = this.waiting.get(m.params.uri);
      this.waiting.delete(m.params.uri);
      resolve?.(m.params.diagnostics ?? []);
    } else if (m.method && m.id !== undefined) {
      // A request of the server's (settings, registrations): answer it as an editor would.
      const result = m.method === "workspace/configuration" ? (m.params?.items ?? []).map(() => SETTINGS.yaml) : null;
      this.send({ id: m.id, result });
    } else if (m.id !== undefined) {
      this.pending.get(m.id)?.(m.result);
      this.pending.delete(m.id);
    }
  }
}
