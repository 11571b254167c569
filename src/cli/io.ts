/** What the command line touches outside itself, injected so tests run commands in-process. */
import { readFileSync } from "node:fs";

export interface CliIo {
  readStdin(): Promise<string>;
  readFile(path: string): string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIo: CliIo = {
  readStdin: () =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      process.stdin.on("data", (c: Buffer) => chunks.push(c));
      process.stdin.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      process.stdin.on("error", reject);
    }),
  readFile: (path) => readFileSync(path, "utf8"),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
