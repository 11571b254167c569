import type { AnyKind } from "../types";

export const COOP_KINDS: AnyKind[] = [];
