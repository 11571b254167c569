import type { AnyKind } from "../types";

export const TOOL_KINDS: AnyKind[] = [];
