import type { AnyKind } from "../types";

export const TENURE_KINDS: AnyKind[] = [];
