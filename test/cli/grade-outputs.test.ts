/**
 * Where `appraise grade` writes: the results and the --input-json file are checked before any work (a folder, a
 * missing folder, an existing file without --force), the input JSON is written after the results, and nothing is left
 * half-written: a run stopped by a signal removes its temporary file, and one killed outright has its temporary file
 * removed by the next run into the same place.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { runCli } from "./run";
import { sampleCopy, tempDir } from "./grade-helpers";

const ARGS = ["--period", "2026", "--quiet"];

describe("output paths", () => {
  it("-o naming a folder is refused by name, with or without --force (no EISDIR)", async () => {
    const { dir, file } = sampleCopy();
    const folder = path.join(dir, "结果");
    fs.mkdirSync(folder);
    for (const force of [[], ["--force"]]) {
      const run = await runCli(["grade", file, ...ARGS, "-o", folder, ...force]);
      expect([run.code, run.stdout]).toEqual([1, ""]);
      expect(run.stderr.split("\n")[0]).toBe(`输出文件 ${folder} 是一个文件夹,请写出文件名(如 ${path.join(folder, "考核结果.xlsx")})/ the output ${folder} is a folder: give a file name`);
      expect(fs.readdirSync(folder)).toEqual([]);
    }
  });

  it("-o into a folder that does not exist is refused before the workbook is read", async () => {
    const { dir, file } = sampleCopy();
    const missing = path.join(dir, "没有", "out.xlsx");
    const run = await runCli(["grade", file, ...ARGS, "-o", missing]);
    expect([run.code, run.stderr.split("\n")[0]]).toEqual([1, `输出文件所在的文件夹不存在:${path.dirname(missing)} / the folder of the output does not exist: ${path.dirname(missing)}`]);
    expect(fs.readdirSync(dir)).toEqual(["sample-city-bank.xlsx"]);
  });

  it("--input-json into a missing folder, or over an existing file without --force: refused before any work, nothing written", async () => {
    const { dir, file } = sampleCopy();
    const missing = await runCli(["grade", file, ...ARGS, "--input-json", path.join(dir, "no", "in.json")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`--input-json 文件所在的文件夹不存在:${path.join(dir, "no")}`);
    const json = path.join(dir, "in.json");
    fs.writeFileSync(json, "keep me");
    const existing = await runCli(["grade", file, ...ARGS, "--input-json", json]);
    expect(existing.code).toBe(1);
    expect(existing.stderr).toContain(`--input-json 文件已存在(用 --force 覆盖)/ the --input-json file exists (use --force to overwrite): ${json}`);
    expect(fs.readFileSync(json, "utf8")).toBe("keep me");
    expect(fs.readdirSync(dir).sort()).toEqual(["in.json", "sample-city-bank.xlsx"]);
    const forced = await runCli(["grade", file, ...ARGS, "--input-json", json, "--force"]);
    expect(forced.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(json, "utf8")).managers).toHaveLength(40);
    expect(fs.readdirSync(dir).sort()).toEqual(["in.json", "sample-city-bank-考核结果-2026.xlsx", "sample-city-bank.xlsx"]);
  });

  it("the default output next to the input is checked once the period is known", async () => {
    const { dir, file } = sampleCopy();
    fs.mkdirSync(path.join(dir, "sample-city-bank-考核结果-2026.xlsx"));
    const run = await runCli(["grade", file, ...ARGS, "--force"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("是一个文件夹");
  });
});

describe("temporary files", () => {
  it("the next run removes a temporary file left by a process that has ended, and keeps one of a live process", async () => {
    const { dir, file } = sampleCopy();
    const out = path.join(dir, "out.xlsx");
    const dead = `${out}.4194999.tmp`;
    const live = `${out}.1.tmp`;
    fs.writeFileSync(dead, "half a workbook");
    fs.writeFileSync(live, "being written by process 1");
    const run = await runCli(["grade", file, ...ARGS, "-o", out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`已删除上次中断留下的临时文件 / removed a temporary file an interrupted run left: ${dead}`);
    expect(fs.readdirSync(dir).sort()).toEqual(["out.xlsx", "out.xlsx.1.tmp", "sample-city-bank.xlsx"]);
  });

  it("a write stopped by SIGTERM or SIGINT removes its temporary file and ends as the signal says", async () => {
    // The module under test, compiled on its own, run in a child process that is stopped mid-write.
    const dir = tempDir("signal-");
    const source = fs.readFileSync(path.resolve(__dirname, "../../src/cli/atomicWrite.ts"), "utf8");
    fs.writeFileSync(path.join(dir, "atomicWrite.js"), ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText);
    fs.writeFileSync(path.join(dir, "writer.js"), `
      const fs = require("node:fs");
      const { writeAtomically } = require("./atomicWrite.js");
      writeAtomically(process.argv[2], (tmp) => new Promise(() => {
        fs.writeFileSync(tmp, "half a workbook");
        setInterval(() => {}, 1000); // a write still going on
        process.stdout.write("writing\\n");
      }));
    `);
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      const target = path.join(dir, `${signal}.xlsx`);
      const child = spawn(process.execPath, [path.join(dir, "writer.js"), target], { stdio: ["ignore", "pipe", "inherit"] });
      await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
      expect(fs.existsSync(`${target}.${child.pid}.tmp`)).toBe(true);
      const ended = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, sig) => resolve(sig)));
      child.kill(signal);
      expect(await ended).toBe(signal);
      expect(fs.readdirSync(dir).filter((n) => n.startsWith(signal))).toEqual([]);
    }
  }, 60_000);
});
