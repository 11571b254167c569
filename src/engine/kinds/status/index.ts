import type { AnyKind } from "../types";

export const STATUS_KINDS: AnyKind[] = [];
