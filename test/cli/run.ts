/** Runs the command line in-process with captured output, as the tests' stand-in for a terminal. */
import { main } from "../../src/cli/main";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], stdin = "", files: Record<string, string> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    readStdin: async () => stdin,
    readFile: (p) => {
      if (p in files) return files[p];
      throw new Error(`ENOENT: no such file '${p}'`);
    },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}
