import type { AnyKind } from "../types";
import { roleGrades } from "./roleGrades";

export const TOOL_KINDS: AnyKind[] = [roleGrades];
