import type { AnyKind } from "../types";

export const GRADING_KINDS: AnyKind[] = [];
