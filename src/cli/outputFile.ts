/**
 * Where the command line may write a file: not a folder, into a folder that exists, and over an existing file only
 * with --force. Checked before any work, so a long grading run never ends in "EISDIR" or a missing folder.
 */
import { existsSync, statSync } from "node:fs";
import * as path from "node:path";

export interface OutputName {
  /** `输出文件`, `--input-json 文件` */
  zh: string;
  /** `the output`, `the --input-json file` */
  en: string;
}

/** Why `target` cannot be written, or undefined when it can. */
export function outputProblem(target: string, name: OutputName, force: boolean): string | undefined {
  const full = path.resolve(target);
  if (existsSync(full) && statSync(full).isDirectory()) {
    return `${name.zh} ${full} 是一个文件夹,请写出文件名(如 ${path.join(full, "考核结果.xlsx")})/ ${name.en} ${full} is a folder: give a file name`;
  }
  const folder = path.dirname(full);
  if (!existsSync(folder)) return `${name.zh}所在的文件夹不存在:${folder} / the folder of ${name.en} does not exist: ${folder}`;
  if (!statSync(folder).isDirectory()) return `${name.zh}的上级 ${folder} 不是文件夹 / ${folder}, above ${name.en}, is not a folder`;
  if (existsSync(full) && !force) return `${name.zh}已存在(用 --force 覆盖)/ ${name.en} exists (use --force to overwrite): ${full}`;
  return undefined;
}
