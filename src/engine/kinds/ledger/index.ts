import type { AnyKind } from "../types";

export const LEDGER_KINDS: AnyKind[] = [];
