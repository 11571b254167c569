import type { AnyKind } from "../types";

export const GENERAL_KINDS: AnyKind[] = [];
