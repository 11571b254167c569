import type { AnyKind } from "../types";
import { roleGrades } from "./roleGrades";
import { roleRowChecks } from "./roleRowChecks";

export const TOOL_KINDS: AnyKind[] = [roleGrades, roleRowChecks];
