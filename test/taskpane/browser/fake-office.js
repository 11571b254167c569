/**
 * An in-page fake of the part of Office.js the taskpane uses, faithful where the add-in could go wrong:
 *  - proxy objects queue their work; nothing happens before `context.sync()`, and a property is readable only after
 *    it was loaded and synced (PropertyNotLoaded otherwise); `*OrNullObject` gives isNullObject after a sync;
 *  - `Excel.run(batch)` syncs once more after the batch, as Office.js does; a sync with nothing queued costs no
 *    round trip (Office.js sends nothing then), so `log.syncs` counts real round trips;
 *  - `range.values = …` stores strings as typed: "0103001" becomes a number, "2026-12" a date, "=…" a formula,
 *    "'text" the text; null leaves a cell as it is; a single value fills the range; text-formatted ("@") cells keep
 *    strings; writing over the anchor of a spilled formula removes the spill;
 *  - a table added from an address without a sheet name goes to the ACTIVE sheet, as the reference says;
 *  - anything this fake does not know throws at once (unknown property, method, enum member), so a drift between the
 *    adapter and the fake shows up as a failure instead of a silent pass.
 * It holds the workbook the test gives, records every write (sheet, address, what) and counts every round trip.
 * Loadable as a plain <script> (sets `FakeOffice`) and with require() in Node (jest).
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.FakeOffice = api;
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

  // ---------------------------------------------------------------- errors and strict objects

  function officeError(code, message, location) {
    const e = new Error(`${code}: ${message}`);
    e.name = "RichApi.Error";
    e.code = code;
    e.debugInfo = { code, message, errorLocation: location };
    return e;
  }

  function unsupported(what) {
    return new Error(`fake-office: ${what} is not supported by the fake (add it to test/taskpane/browser/fake-office.js if the adapter really needs it)`);
  }

  /** Keys the JS runtime, await, jest and JSON probe on any object; answering undefined is what a plain object does. */
  const PROBES = new Set(["then", "toJSON", "asymmetricMatch", "$$typeof", "nodeType", "constructor", "inspect", "@@__IMMUTABLE_ITERABLE__@@", "@@__IMMUTABLE_RECORD__@@", "_isMockFunction", "tagName"]);

  /** A plain object whose unknown members throw (enums, Office namespaces). */
  function strict(name, obj) {
    return new Proxy(obj, {
      get(target, key) {
        if (typeof key === "symbol" || PROBES.has(key)) return target[key];
        if (!(key in target)) throw unsupported(`${name}.${String(key)}`);
        return target[key];
      },
    });
  }

  // ---------------------------------------------------------------- addresses

  function colIndex(letters) {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  }

  function colLetters(col) {
    let n = col + 1;
    let out = "";
    while (n > 0) {
      const rem = (n - 1) % 26;
      out = String.fromCharCode(65 + rem) + out;
      n = Math.floor((n - 1) / 26);
    }
    return out;
  }

  function sheetRef(name) {
    return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
  }

  /** "B3" or "B3:D9" (with $ allowed) → {r0, c0, r1, c1}, zero-based, inclusive. */
  function parseCells(text, where) {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(text.trim());
    if (!m) throw officeError("InvalidArgument", `The address "${text}" is not valid.`, where);
    const a = { r: Number(m[2]) - 1, c: colIndex(m[1]) };
    const b = m[3] ? { r: Number(m[4]) - 1, c: colIndex(m[3]) } : a;
    return { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
  }

  /** "Sheet!A1", "'My sheet'!A1:B2" or "A1" → {sheet?, cells}. */
  function splitSheet(address) {
    const text = address.trim();
    if (text.startsWith("'")) {
      const end = text.indexOf("'!", 1);
      if (end < 0) throw officeError("InvalidArgument", `The address "${address}" is not valid.`, "address");
      return { sheet: text.slice(1, end).replace(/''/g, "'"), cells: text.slice(end + 2) };
    }
    const bang = text.lastIndexOf("!");
    return bang < 0 ? { cells: text } : { sheet: text.slice(0, bang), cells: text.slice(bang + 1) };
  }

  function a1(r0, c0, r1, c1) {
    const first = `${colLetters(c0)}${r0 + 1}`;
    return r0 === r1 && c0 === c1 ? first : `${first}:${colLetters(c1)}${r1 + 1}`;
  }

  // ---------------------------------------------------------------- typing a value into a cell

  const ERRORS = new Set(["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!", "#BUSY!"]);

  /** Days since 1899-12-30 (Excel's serial date) of a calendar day. */
  function serial(y, m, d) {
    return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
  }

  /**
   * What Excel stores when `text` is typed into a cell of number format `format` (the subset the add-in can meet):
   * {value} or {formula}.
   */
  function typeIn(text, format) {
    if (format === "@") return { value: text };
    if (text.startsWith("'")) return { value: text.slice(1) };
    if (text.startsWith("=")) return { formula: text };
    const t = text.trim();
    if (ERRORS.has(t.toUpperCase())) return { value: t.toUpperCase() };
    if (/^(true|false)$/i.test(t)) return { value: t.toUpperCase() === "TRUE" };
    const num = /^([-+]?)[¥$]?\s*(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?(e[-+]?\d+)?\s*(%?)$/i.exec(t);
    if (num && (num[2] || num[4])) {
      const n = Number(`${num[1]}${(num[2] || "0").replace(/,/g, "")}${num[4] || ""}${num[5] || ""}`);
      return { value: num[6] ? n / 100 : n };
    }
    const date = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?$/.exec(t);
    if (date && Number(date[2]) >= 1 && Number(date[2]) <= 12) return { value: serial(Number(date[1]), Number(date[2]), Number(date[3] || 1)) };
    if (/^[-+]./.test(t)) return { formula: `=${t}` };
    return { value: text };
  }

  // ---------------------------------------------------------------- the workbook model

  let nextId = 1;

  class SheetModel {
    constructor(name) {
      this.id = `{sheet-${nextId++}}`;
      this.name = name;
      this.cells = []; // rows of values; undefined = empty
      this.formulas = new Map(); // "r,c" → "=…"
      this.formats = []; // {r0,c0,r1,c1,format}, later ones win
      this.spills = []; // {r0,c0,r1,c1} with the anchor at r0,c0
      this.tables = [];
      this.charts = [];
      this.conditionalFormats = [];
      this.freeze = null;
      this.columnWidths = new Map();
      this.autofit = new Set();
    }

    value(r, c) {
      const v = this.cells[r] ? this.cells[r][c] : undefined;
      return v === undefined ? "" : v;
    }

    formula(r, c) {
      const f = this.formulas.get(`${r},${c}`);
      return f !== undefined ? f : this.value(r, c);
    }

    format(r, c) {
      for (let i = this.formats.length - 1; i >= 0; i--) {
        const f = this.formats[i];
        if (r >= f.r0 && r <= f.r1 && c >= f.c0 && c <= f.c1) return f.format;
      }
      return "General";
    }

    put(r, c, v) {
      if (!this.cells[r]) this.cells[r] = [];
      this.cells[r][c] = v;
    }

    spillAt(r, c) {
      return this.spills.find((s) => s.r0 === r && s.c0 === c);
    }

    spillCovering(r, c) {
      return this.spills.find((s) => r >= s.r0 && r <= s.r1 && c >= s.c0 && c <= s.c1);
    }

    /** Writes one typed value; returns false when nothing changed (null). */
    write(r, c, v) {
      if (v === null) return false;
      if (v === undefined || (typeof v === "object") || typeof v === "function") {
        throw officeError("InvalidArgument", `Cell values must be strings, numbers or booleans, not ${v instanceof Date ? "Date" : typeof v}.`, "Range.values");
      }
      if (typeof v === "number" && !Number.isFinite(v)) throw officeError("InvalidArgument", "Numbers must be finite.", "Range.values");
      const spill = this.spillCovering(r, c);
      if (spill && (spill.r0 !== r || spill.c0 !== c)) {
        // Typing into a spilled cell blocks the spill: the anchor shows #SPILL!.
        this.removeSpill(spill);
        this.put(spill.r0, spill.c0, "#SPILL!");
      } else if (spill) {
        this.removeSpill(spill);
      }
      const key = `${r},${c}`;
      this.formulas.delete(key);
      if (typeof v === "string") {
        if (v === "") {
          this.put(r, c, undefined);
          return true;
        }
        const typed = typeIn(v, this.format(r, c));
        if (typed.formula !== undefined) {
          this.formulas.set(key, typed.formula);
          this.put(r, c, "#FAKE:UNCALCULATED");
        } else {
          this.put(r, c, typed.value);
        }
        return true;
      }
      this.put(r, c, v);
      return true;
    }

    removeSpill(spill) {
      this.spills = this.spills.filter((s) => s !== spill);
      for (let r = spill.r0; r <= spill.r1; r++) for (let c = spill.c0; c <= spill.c1; c++) if (r !== spill.r0 || c !== spill.c0) this.put(r, c, undefined);
    }

    /** Bounding box of cells with a value or formula (and formats unless valuesOnly), or null. */
    usedBox(valuesOnly) {
      let box = null;
      const add = (r0, c0, r1, c1) => {
        box = box ? { r0: Math.min(box.r0, r0), c0: Math.min(box.c0, c0), r1: Math.max(box.r1, r1), c1: Math.max(box.c1, c1) } : { r0, c0, r1, c1 };
      };
      this.cells.forEach((row, r) => row && row.forEach((v, c) => { if (v !== undefined && v !== "") add(r, c, r, c); }));
      for (const key of this.formulas.keys()) {
        const [r, c] = key.split(",").map(Number);
        add(r, c, r, c);
      }
      if (!valuesOnly) for (const f of this.formats) add(f.r0, f.c0, f.r1, f.c1);
      return box;
    }
  }

  function loadSheet(spec) {
    const sheet = new SheetModel(spec.name);
    (spec.values || []).forEach((row, r) => row.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== "") sheet.put(r, c, v);
    }));
    for (const [address, f] of Object.entries(spec.formulas || {})) {
      const { r0, c0 } = parseCells(address, "spec.formulas");
      sheet.formulas.set(`${r0},${c0}`, f);
    }
    for (const [address, fmt] of Object.entries(spec.numberFormats || {})) sheet.formats.push({ ...parseCells(address, "spec.numberFormats"), format: fmt });
    for (const address of spec.spills || []) sheet.spills.push(parseCells(address, "spec.spills"));
    return sheet;
  }

  // ---------------------------------------------------------------- the fake

  const EXCEL_API_VERSIONS = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "1.11", "1.12", "1.13", "1.14", "1.15", "1.16", "1.17"];

  function versionAtMost(v, max) {
    return EXCEL_API_VERSIONS.indexOf(v) >= 0 && EXCEL_API_VERSIONS.indexOf(v) <= EXCEL_API_VERSIONS.indexOf(max);
  }

  /**
   * spec: { sheets: [{name, values, formulas?: {A1: "=…"}, numberFormats?: {"A1:B9": "@"}, spills?: ["B2:D9"]}],
   *   active?: sheet name, selection?: "A1:B2" on the active sheet, settings?: {key: value},
   *   comments?: {"Sheet!A1": "text"} (existing comment threads),
   *   excelApi?: highest ExcelApi version supported (default "1.17"), requestLimitBytes?: values+formats bytes a
   *   request may carry (default 5 MB, as Excel on the web), responseLimitBytes?: what loads may bring back in one
   *   round trip (default unlimited, as desktop Excel; Excel on the web: 5 MB), saveFails?: true to make
   *   settings.saveAsync fail }
   */
  function createFake(spec) {
    spec = spec || {};
    const book = {
      sheets: (spec.sheets || [{ name: "Sheet1", values: [] }]).map(loadSheet),
      active: null,
      selection: null,
      comments: [],
      settings: JSON.parse(JSON.stringify(spec.settings || {})),
      savedSettings: JSON.parse(JSON.stringify(spec.settings || {})),
      startupBehavior: "None",
      tableNames: new Set(),
    };
    for (const [address, content] of Object.entries(spec.comments || {})) {
      const { sheet, cells } = splitSheet(address);
      const target = book.sheets.find((s) => s.name === sheet);
      if (!target) throw new Error(`fake-office: spec.comments names no sheet: ${address}`);
      const b = parseCells(cells, "spec.comments");
      book.comments.push({ sheet: target, r: b.r0, c: b.c0, content, replies: [] });
    }
    book.active = (book.sheets.find((s) => s.name === spec.active) || book.sheets[0]).id;
    const activeSheet = () => book.sheets.find((s) => s.id === book.active);
    book.selection = { sheet: book.active, ...parseCells(spec.selection || "A1", "spec.selection") };

    const log = {
      /** Round trips to Excel (syncs that carried something). */
      syncs: 0,
      /** Every context.sync() call, including empty ones and the one Excel.run makes after the batch. */
      syncCalls: 0,
      runs: 0,
      /** Per round trip: operations queued and the bytes of values and formats they carried. */
      requests: [],
      /** Every change to the workbook: {sheet, address, what, ...}. */
      writes: [],
      suspendCalculation: 0,
      suspendScreen: 0,
      calculations: [],
      settingsSaves: 0,
      associated: [],
    };
    const excelApi = spec.excelApi || "1.17";
    const requestLimit = spec.requestLimitBytes || 5 * 1024 * 1024;
    // Desktop Excel has no response limit; pass 5 MB to behave as Excel on the web.
    const responseLimit = spec.responseLimitBytes || Infinity;

    const sheetById = (id) => book.sheets.find((s) => s.id === id) || null;
    const sheetByName = (name) => book.sheets.find((s) => s.name.toLowerCase() === String(name).toLowerCase()) || null;
    const record = (sheet, address, what, extra) => log.writes.push({ sheet: sheet ? sheet.name : null, address, what, ...(extra || {}) });

    // ---------------------------------------------------------- request context and proxies

    class Context {
      constructor() {
        this.queue = [];
        this.tracked = [];
        this.bytes = 0;
        this.processing = false;
        this.responseBytes = 0;
        const ctx = this;
        // The request context's own objects need no Instantiate action.
        this.root = true;
        this.workbook = makeWorkbook(ctx);
        this.application = this.workbook.application;
        this.root = false;
      }

      enqueue(what, run, bytes) {
        this.queue.push({ what, run });
        this.bytes += bytes || 0;
      }

      async sync() {
        log.syncCalls += 1;
        const ops = this.queue.splice(0);
        const bytes = this.bytes;
        this.bytes = 0;
        if (ops.length > 0) {
          log.syncs += 1;
          log.requests.push({ operations: ops.length, bytes });
          await new Promise((r) => setTimeout(r, 0));
          if (bytes > requestLimit) throw officeError("RequestPayloadSizeLimitExceeded", `The request payload size (${bytes} bytes) has exceeded the limit.`, "context.sync");
          this.processing = true;
          this.responseBytes = 0;
          try {
            for (const op of ops) op.run();
            if (this.responseBytes > responseLimit) {
              throw officeError("ResponsePayloadSizeLimitExceeded", `The response payload size (${this.responseBytes} bytes) has exceeded the limit.`, "context.sync");
            }
          } catch (e) {
            // A failed request loads nothing.
            for (const t of this.tracked) t.discard();
            throw e;
          } finally {
            this.processing = false;
          }
        }
        for (const t of this.tracked) t.afterSync();
      }
    }

    function need(model, kind) {
      if (model === null || model === undefined) throw officeError("ItemNotFound", `The requested ${kind} doesn't exist.`, kind);
      return model;
    }

    /**
     * A proxy object. spec: { props: {name: {get(model), set?(model, value)}}, navs: {name: () => proxy},
     * methods: {name(model-getter, ...args)} } ; `nullable`: made by an *OrNullObject call.
     */
    function makeProxy(ctx, kind, resolve, def, nullable, initial) {
      const state = { loaded: Object.assign(Object.create(null), initial || {}), pending: null, synced: false, isNull: false, children: Object.create(null) };
      const tracker = {
        discard() {
          state.pending = null;
        },
        afterSync() {
          state.synced = true;
          if (state.pending) Object.assign(state.loaded, state.pending);
          state.pending = null;
          let model = null;
          try { model = resolve(); } catch (e) { model = null; }
          state.isNull = nullable ? model === null : false;
        },
      };
      const proxy = new Proxy({}, {
        get(_, key) {
          if (typeof key === "symbol" || PROBES.has(key)) return undefined;
          if (key === "context") return ctx;
          // For the fake itself: a Range passed to tables.add, charts.add, comments.add or freezeAt.
          if (key === "__fakeKind") return kind;
          if (key === "__fakeResolve") return resolve;
          if (key === "isNullObject") {
            if (!state.synced) throw officeError("PropertyNotLoaded", `${kind}.isNullObject is not available before context.sync().`, kind);
            return state.isNull;
          }
          if (key === "load") return (what) => { queueLoad(what); return proxy; };
          if (def.navs && key in def.navs) {
            if (!state.children[key]) state.children[key] = def.navs[key](proxy);
            return state.children[key];
          }
          if (def.methods && key in def.methods) return (...args) => def.methods[key](resolve, ...args);
          if (key === "items" && def.items) {
            if (!("items" in state.loaded)) throw officeError("PropertyNotLoaded", `The property 'items' is not available; load("items/…") and sync first.`, `${kind}.items`);
            return state.loaded.items;
          }
          if (def.props && key in def.props) {
            if (state.synced && state.isNull) throw officeError("InvalidOperation", `${kind} is a null object; read isNullObject first.`, `${kind}.${key}`);
            if (!(key in state.loaded)) throw officeError("PropertyNotLoaded", `The property '${key}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`, `${kind}.${key}`);
            return state.loaded[key];
          }
          throw unsupported(`${kind}.${key}`);
        },
        set(_, key, value) {
          const p = def.props && def.props[key];
          if (!p || !p.set) throw unsupported(`setting ${kind}.${String(key)}`);
          ctx.enqueue(`${kind}.${key}`, () => p.set(need(resolve(), kind), value), key === "values" || key === "numberFormat" || key === "formulas" ? utf8Bytes(JSON.stringify(value)) : 0);
          return true;
        },
      });

      function queueLoad(what) {
        if (what === undefined || what === null) throw unsupported(`${kind}.load() without property names (load only what you read)`);
        const names = Array.isArray(what) ? what : String(what).split(",").map((s) => s.trim()).filter(Boolean);
        for (const n of names) {
          const [head, sub] = n.split("/");
          if (head === "items") {
            if (!def.items) throw unsupported(`${kind}.load("items/…")`);
            if (sub && !def.itemProps.includes(sub)) throw unsupported(`${kind}.load("items/${sub}")`);
          } else if (!(def.props && head in def.props) || sub) {
            throw unsupported(`${kind}.load("${n}")`);
          }
        }
        ctx.enqueue(`${kind}.load`, () => {
          const model = resolve();
          if (model === null || model === undefined) {
            if (nullable) return;
            need(model, kind);
          }
          const out = {};
          for (const n of names) {
            const [head, sub] = n.split("/");
            if (head === "items") out.items = def.items(model, sub);
            else out[head] = clone(def.props[head].get(model));
          }
          ctx.responseBytes += utf8Bytes(JSON.stringify(out, (k, v) => (k === "items" ? v.length : v)));
          state.pending = Object.assign(state.pending || {}, out);
        });
      }

      ctx.tracked.push(tracker);
      // Office.js queues an Instantiate action for every proxy it creates (ClientObject's constructor), except
      // while it processes a response (collection items); a proxy for a missing item fails the next sync.
      if (!ctx.processing && !ctx.root) {
        ctx.enqueue(`${kind} (instantiate)`, () => {
          let model;
          try { model = resolve(); } catch (e) { if (nullable) return; throw e; }
          if (!nullable) need(model, kind);
        });
      }
      return proxy;
    }

    function utf8Bytes(text) {
      let n = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        n += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
      }
      return n;
    }

    function clone(v) {
      return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
    }

    /** Returns a resolver for an object that an operation creates when it runs. */
    function slot() {
      let model = null;
      return { fill: (m) => { model = m; }, resolve: () => model };
    }

    // ---------------------------------------------------------- ranges

    function rangeModel(sheet, r0, c0, r1, c1) {
      return { sheet, r0, c0, r1, c1 };
    }

    function rows(rm) { return rm.r1 - rm.r0 + 1; }
    function cols(rm) { return rm.c1 - rm.c0 + 1; }

    function grid(rm, cell) {
      const count = rows(rm) * cols(rm);
      if (count > 5000000) throw officeError("ResponsePayloadSizeLimitExceeded", `A range of ${count} cells is above the 5,000,000-cell limit for get operations.`, "Range.load");
      const out = [];
      for (let r = rm.r0; r <= rm.r1; r++) {
        const row = [];
        for (let c = rm.c0; c <= rm.c1; c++) row.push(cell(r, c));
        out.push(row);
      }
      return out;
    }

    /** A value for every cell: a 2-D array of exactly the range's size, or one value for all (null: unchanged). */
    function eachInput(rm, input, where, fn) {
      if (input === null) return;
      if (!Array.isArray(input)) {
        for (let r = rm.r0; r <= rm.r1; r++) for (let c = rm.c0; c <= rm.c1; c++) fn(r, c, input);
        return;
      }
      if (input.length !== rows(rm) || input.some((row) => !Array.isArray(row) || row.length !== cols(rm))) {
        throw officeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows(rm)}×${cols(rm)}).`, where);
      }
      input.forEach((row, i) => row.forEach((v, j) => fn(rm.r0 + i, rm.c0 + j, v)));
    }

    function rangeAddress(rm) {
      return `${sheetRef(rm.sheet.name)}!${a1(rm.r0, rm.c0, rm.r1, rm.c1)}`;
    }

    function liveSheet(rm) {
      if (!book.sheets.includes(rm.sheet)) throw officeError("ItemNotFound", "The worksheet of this range was deleted.", "Range");
      return rm;
    }

    function makeRange(ctx, resolve, nullable) {
      const R = () => liveSheet(need(resolve(), "Range"));
      return makeProxy(ctx, "Range", resolve, {
        props: {
          address: { get: (m) => rangeAddress(m) },
          rowIndex: { get: (m) => m.r0 },
          columnIndex: { get: (m) => m.c0 },
          rowCount: { get: (m) => rows(m) },
          columnCount: { get: (m) => cols(m) },
          cellCount: { get: (m) => rows(m) * cols(m) },
          values: {
            get: (m) => grid(m, (r, c) => m.sheet.value(r, c)),
            set: (m, input) => {
              liveSheet(m);
              let changed = 0;
              eachInput(m, input, "Range.values", (r, c, v) => { if (m.sheet.write(r, c, v)) changed += 1; });
              record(m.sheet, a1(m.r0, m.c0, m.r1, m.c1), "values", { rows: rows(m), columns: cols(m), cells: changed });
            },
          },
          formulas: {
            get: (m) => grid(m, (r, c) => m.sheet.formula(r, c)),
            set: () => { throw unsupported("setting Range.formulas (the results sheet holds values only)"); },
          },
          numberFormat: {
            get: (m) => grid(m, (r, c) => m.sheet.format(r, c)),
            set: (m, input) => {
              liveSheet(m);
              if (!Array.isArray(input)) {
                if (typeof input !== "string") throw officeError("InvalidArgument", "A number format is a string.", "Range.numberFormat");
                m.sheet.formats.push({ r0: m.r0, c0: m.c0, r1: m.r1, c1: m.c1, format: input });
              } else {
                eachInput(m, input, "Range.numberFormat", (r, c, f) => { if (f !== null) m.sheet.formats.push({ r0: r, c0: c, r1: r, c1: c, format: String(f) }); });
              }
              record(m.sheet, a1(m.r0, m.c0, m.r1, m.c1), "numberFormat", { format: Array.isArray(input) ? "(array)" : input });
            },
          },
        },
        navs: {
          worksheet: () => makeSheet(ctx, () => R().sheet),
          format: () => makeRangeFormat(ctx, R),
          conditionalFormats: () => makeConditionalFormats(ctx, R),
        },
        methods: {
          getCell: (_, r, c) => makeRange(ctx, () => { const m = R(); return rangeModel(m.sheet, m.r0 + r, m.c0 + c, m.r0 + r, m.c0 + c); }),
          getSpillingToRangeOrNullObject: () => makeRange(ctx, () => {
            const m = R();
            const s = m.sheet.spillAt(m.r0, m.c0);
            return s ? rangeModel(m.sheet, s.r0, s.c0, s.r1, s.c1) : null;
          }, true),
          select: () => ctx.enqueue("Range.select", () => {
            const m = R();
            if (m.sheet.id !== book.active) throw officeError("InvalidSelection", "Selecting a range is only possible on the active worksheet.", "Range.select");
            book.selection = { sheet: m.sheet.id, r0: m.r0, c0: m.c0, r1: m.r1, c1: m.c1 };
            record(m.sheet, a1(m.r0, m.c0, m.r1, m.c1), "select");
          }),
        },
      }, nullable);
    }

    function makeRangeFormat(ctx, R) {
      return makeProxy(ctx, "RangeFormat", R, {
        props: {
          columnWidth: {
            get: (m) => m.sheet.columnWidths.get(m.c0),
            set: (m, points) => {
              for (let c = m.c0; c <= m.c1; c++) m.sheet.columnWidths.set(c, points);
              record(m.sheet, a1(m.r0, m.c0, m.r1, m.c1), "columnWidth", { points });
            },
          },
        },
        methods: {
          autofitColumns: () => ctx.enqueue("RangeFormat.autofitColumns", () => {
            const m = R();
            for (let c = m.c0; c <= m.c1; c++) m.sheet.autofit.add(c);
            record(m.sheet, a1(m.r0, m.c0, m.r1, m.c1), "autofitColumns");
          }),
        },
      });
    }

    function makeConditionalFormats(ctx, R) {
      return makeProxy(ctx, "ConditionalFormatCollection", R, {
        methods: {
          add: (_, type) => {
            if (type !== "Custom") throw unsupported(`conditional format type ${type}`);
            const s = slot();
            ctx.enqueue("ConditionalFormatCollection.add", () => {
              const m = R();
              const cf = { type, range: a1(m.r0, m.c0, m.r1, m.c1), box: { r0: m.r0, c0: m.c0, r1: m.r1, c1: m.c1 }, formula: null, fill: null, font: null };
              m.sheet.conditionalFormats.push(cf);
              record(m.sheet, cf.range, "conditionalFormat");
              s.fill({ cf, sheet: m.sheet });
            });
            const C = () => need(s.resolve(), "ConditionalFormat");
            return makeProxy(ctx, "ConditionalFormat", s.resolve, {
              navs: {
                custom: () => makeProxy(ctx, "CustomConditionalFormat", C, {
                  navs: {
                    rule: () => makeProxy(ctx, "ConditionalFormatRule", C, {
                      props: { formula: { get: (m) => m.cf.formula, set: (m, f) => { m.cf.formula = f; } } },
                    }),
                    format: () => makeProxy(ctx, "ConditionalRangeFormat", C, {
                      navs: {
                        fill: () => makeProxy(ctx, "ConditionalRangeFill", C, { props: { color: { get: (m) => m.cf.fill, set: (m, v) => { m.cf.fill = v; } } } }),
                        font: () => makeProxy(ctx, "ConditionalRangeFont", C, { props: { color: { get: (m) => m.cf.font, set: (m, v) => { m.cf.font = v; } } } }),
                      },
                    }),
                  },
                }),
              },
            });
          },
        },
      });
    }

    // ---------------------------------------------------------- worksheets

    function rangeFromArg(ctx, arg, defaultSheet, where) {
      if (typeof arg === "string") {
        const { sheet, cells } = splitSheet(arg);
        const sh = sheet !== undefined ? need(sheetByName(sheet), "Worksheet") : defaultSheet();
        const box = parseCells(cells, where);
        return rangeModel(sh, box.r0, box.c0, box.r1, box.c1);
      }
      if (arg && typeof arg === "object" && arg.__fakeKind === "Range") return liveSheet(need(arg.__fakeResolve(), "Range"));
      throw unsupported(`${where} with ${typeof arg}`);
    }

    function makeSheet(ctx, resolve, nullable, initial) {
      const S = () => {
        const s = need(resolve(), "Worksheet");
        if (!book.sheets.includes(s)) throw officeError("ItemNotFound", `The worksheet '${s.name}' was deleted.`, "Worksheet");
        return s;
      };
      const rangeOf = (fn) => makeRange(ctx, fn);
      return makeProxy(ctx, "Worksheet", resolve, {
        props: {
          name: { get: (m) => m.name },
          id: { get: (m) => m.id },
        },
        navs: {
          tables: () => makeTables(ctx, S),
          charts: () => makeCharts(ctx, S),
          freezePanes: () => makeFreezePanes(ctx, S),
        },
        methods: {
          getRange: (_, address) => {
            if (typeof address !== "string" || address.includes("!")) throw unsupported(`Worksheet.getRange(${JSON.stringify(address)}) (give a cell or range on this sheet)`);
            return rangeOf(() => { const s = S(); const b = parseCells(address, "Worksheet.getRange"); return rangeModel(s, b.r0, b.c0, b.r1, b.c1); });
          },
          getRangeByIndexes: (_, r, c, rc, cc) => {
            if (![r, c, rc, cc].every(Number.isInteger) || r < 0 || c < 0 || rc < 1 || cc < 1) throw officeError("InvalidArgument", `getRangeByIndexes(${r}, ${c}, ${rc}, ${cc})`, "Worksheet.getRangeByIndexes");
            if (r + rc > 1048576 || c + cc > 16384) throw officeError("InvalidArgument", "The range is outside the grid.", "Worksheet.getRangeByIndexes");
            return rangeOf(() => rangeModel(S(), r, c, r + rc - 1, c + cc - 1));
          },
          getUsedRange: (_, valuesOnly) => rangeOf(() => { const s = S(); const b = s.usedBox(!!valuesOnly) || { r0: 0, c0: 0, r1: 0, c1: 0 }; return rangeModel(s, b.r0, b.c0, b.r1, b.c1); }),
          getUsedRangeOrNullObject: (_, valuesOnly) => makeRange(ctx, () => { const s = S(); const b = s.usedBox(!!valuesOnly); return b ? rangeModel(s, b.r0, b.c0, b.r1, b.c1) : null; }, true),
          activate: () => ctx.enqueue("Worksheet.activate", () => {
            const s = S();
            book.active = s.id;
            book.selection = { sheet: s.id, r0: 0, c0: 0, r1: 0, c1: 0 };
            record(s, null, "activate");
          }),
          delete: () => ctx.enqueue("Worksheet.delete", () => {
            const s = S();
            if (book.sheets.length === 1) throw officeError("InvalidOperation", "A workbook must contain at least one visible worksheet.", "Worksheet.delete");
            const i = book.sheets.indexOf(s);
            book.sheets.splice(i, 1);
            for (const t of s.tables) book.tableNames.delete(t.name.toLowerCase());
            if (book.active === s.id) {
              book.active = book.sheets[Math.max(0, i - 1)].id;
              book.selection = { sheet: book.active, r0: 0, c0: 0, r1: 0, c1: 0 };
            }
            book.comments = book.comments.filter((c) => c.sheet !== s);
            record(s, null, "deleteSheet");
          }),
        },
      }, nullable, initial);
    }

    function makeTables(ctx, S) {
      return makeProxy(ctx, "TableCollection", S, {
        methods: {
          add: (_, address, hasHeaders) => {
            const s = slot();
            ctx.enqueue("TableCollection.add", () => {
              // The reference: "If the address does not contain a sheet name, the currently-active sheet is used."
              const m = rangeFromArg(ctx, address, () => need(sheetById(book.active), "Worksheet"), "TableCollection.add");
              if (hasHeaders !== true) throw unsupported("tables without a header row");
              for (const sh of book.sheets) for (const t of sh.tables) {
                if (sh === m.sheet && !(m.r1 < t.r0 || m.r0 > t.r1 || m.c1 < t.c0 || m.c0 > t.c1)) throw officeError("InvalidOperation", "A table can't overlap another table.", "TableCollection.add");
              }
              // Excel makes header cells unique non-empty text.
              const seen = new Set();
              for (let c = m.c0; c <= m.c1; c++) {
                let h = String(m.sheet.value(m.r0, c));
                if (h === "") h = `列${c - m.c0 + 1}`;
                let name = h;
                for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${h}${k}`;
                seen.add(name.toLowerCase());
                if (name !== m.sheet.value(m.r0, c)) m.sheet.put(m.r0, c, name);
              }
              let n = 1;
              while (book.tableNames.has(`表${n}`.toLowerCase())) n++;
              const table = { name: `表${n}`, style: "TableStyleMedium2", r0: m.r0, c0: m.c0, r1: m.r1, c1: m.c1, address: a1(m.r0, m.c0, m.r1, m.c1) };
              book.tableNames.add(table.name.toLowerCase());
              m.sheet.tables.push(table);
              record(m.sheet, table.address, "table");
              s.fill({ table, sheet: m.sheet });
            });
            return makeProxy(ctx, "Table", s.resolve, {
              props: {
                name: {
                  get: (m) => m.table.name,
                  set: (m, name) => {
                    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) throw officeError("InvalidArgument", `The table name "${name}" is not valid.`, "Table.name");
                    if (name.toLowerCase() !== m.table.name.toLowerCase() && book.tableNames.has(name.toLowerCase())) throw officeError("ItemAlreadyExists", `A table named "${name}" already exists.`, "Table.name");
                    book.tableNames.delete(m.table.name.toLowerCase());
                    m.table.name = name;
                    book.tableNames.add(name.toLowerCase());
                  },
                },
                style: { get: (m) => m.table.style, set: (m, style) => { m.table.style = style; } },
              },
            });
          },
        },
      });
    }

    function makeCharts(ctx, S) {
      return makeProxy(ctx, "ChartCollection", S, {
        methods: {
          add: (_, type, source, seriesBy) => {
            const s = slot();
            ctx.enqueue("ChartCollection.add", () => {
              const sheet = S();
              const m = rangeFromArg(ctx, source, () => sheet, "ChartCollection.add");
              const chart = { type, seriesBy, source: a1(m.r0, m.c0, m.r1, m.c1), data: grid(m, (r, c) => m.sheet.value(r, c)), title: null, legendVisible: true, position: null };
              sheet.charts.push(chart);
              record(sheet, chart.source, "chart", { type });
              s.fill({ chart, sheet });
            });
            const C = () => need(s.resolve(), "Chart");
            return makeProxy(ctx, "Chart", s.resolve, {
              props: { name: { get: (m) => m.chart.name, set: (m, v) => { m.chart.name = v; } } },
              navs: {
                title: () => makeProxy(ctx, "ChartTitle", C, { props: { text: { get: (m) => m.chart.title, set: (m, v) => { m.chart.title = v; } } } }),
                legend: () => makeProxy(ctx, "ChartLegend", C, { props: { visible: { get: (m) => m.chart.legendVisible, set: (m, v) => { m.chart.legendVisible = v; } } } }),
              },
              methods: {
                setPosition: (_, start, end) => ctx.enqueue("Chart.setPosition", () => {
                  const m = C();
                  const a = rangeFromArg(ctx, start, () => m.sheet, "Chart.setPosition");
                  const b = end === undefined ? null : rangeFromArg(ctx, end, () => m.sheet, "Chart.setPosition");
                  m.chart.position = { start: a1(a.r0, a.c0, a.r0, a.c0), end: b ? a1(b.r0, b.c0, b.r0, b.c0) : null };
                }),
              },
            });
          },
        },
      });
    }

    function makeFreezePanes(ctx, S) {
      const set = (what, fn) => ctx.enqueue(`WorksheetFreezePanes.${what}`, () => {
        const s = S();
        s.freeze = fn(s);
        record(s, null, "freeze", s.freeze);
      });
      return makeProxy(ctx, "WorksheetFreezePanes", S, {
        methods: {
          freezeRows: (_, n) => set("freezeRows", () => ({ rows: n === undefined ? 1 : n, columns: 0 })),
          freezeColumns: (_, n) => set("freezeColumns", () => ({ rows: 0, columns: n === undefined ? 1 : n })),
          freezeAt: (_, range) => set("freezeAt", (s) => {
            const m = rangeFromArg(ctx, range, () => s, "freezeAt");
            if (m.r0 !== 0 || m.c0 !== 0) throw unsupported("freezeAt a range that does not start at A1");
            return { rows: m.r1 + 1, columns: m.c1 + 1 };
          }),
          unfreeze: () => set("unfreeze", () => null),
        },
      });
    }

    function makeWorksheets(ctx) {
      const W = () => book;
      return makeProxy(ctx, "WorksheetCollection", W, {
        // An item of a loaded collection comes back with the loaded properties set, and follows its sheet by id.
        items: (_, sub) => book.sheets.map((s) => {
          const id = s.id;
          return makeSheet(ctx, () => sheetById(id), false, sub ? { [sub]: s[sub] } : { name: s.name, id: s.id });
        }),
        itemProps: ["name", "id"],
        methods: {
          getItem: (_, name) => makeSheet(ctx, () => need(sheetByName(name), `Worksheet '${name}'`)),
          getItemOrNullObject: (_, name) => makeSheet(ctx, () => sheetByName(name), true),
          getActiveWorksheet: () => makeSheet(ctx, () => sheetById(book.active)),
          add: (_, name) => {
            const s = slot();
            ctx.enqueue("WorksheetCollection.add", () => {
              if (typeof name !== "string" || name.trim() === "" || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
                throw officeError("InvalidArgument", `The worksheet name "${name}" is not valid.`, "WorksheetCollection.add");
              }
              if (sheetByName(name)) throw officeError("ItemAlreadyExists", `A worksheet named "${name}" already exists.`, "WorksheetCollection.add");
              const sheet = new SheetModel(name);
              book.sheets.push(sheet);
              record(sheet, null, "addSheet");
              s.fill(sheet);
            });
            return makeSheet(ctx, s.resolve);
          },
        },
      });
    }

    function makeWorkbook(ctx) {
      const application = makeProxy(ctx, "Application", () => book, {
        methods: {
          suspendApiCalculationUntilNextSync: () => ctx.enqueue("Application.suspendApiCalculationUntilNextSync", () => { log.suspendCalculation += 1; }),
          suspendScreenUpdatingUntilNextSync: () => ctx.enqueue("Application.suspendScreenUpdatingUntilNextSync", () => { log.suspendScreen += 1; }),
          calculate: (_, type) => {
            if (!["Full", "Recalculate", "FullRebuild"].includes(type)) throw unsupported(`calculate(${type})`);
            ctx.enqueue("Application.calculate", () => { log.calculations.push(type); record(null, null, "calculate", { type }); });
          },
        },
      });
      const comments = makeProxy(ctx, "CommentCollection", () => book, {
        methods: {
          add: (_, cell, content) => {
            if (!versionAtMost("1.10", excelApi)) throw unsupported("comments before ExcelApi 1.10");
            ctx.enqueue("CommentCollection.add", () => {
              const m = rangeFromArg(ctx, cell, () => need(sheetById(book.active), "Worksheet"), "CommentCollection.add");
              if (rows(m) !== 1 || cols(m) !== 1) throw officeError("InvalidArgument", "A comment goes on one cell.", "CommentCollection.add");
              if (book.comments.some((c) => c.sheet === m.sheet && c.r === m.r0 && c.c === m.c0)) throw officeError("InvalidArgument", "The cell already has a comment.", "CommentCollection.add");
              book.comments.push({ sheet: m.sheet, r: m.r0, c: m.c0, content, replies: [] });
              record(m.sheet, a1(m.r0, m.c0, m.r0, m.c0), "comment", { content });
            });
          },
          getItemByCell: (_, cell) => {
            const find = () => {
              const m = rangeFromArg(ctx, cell, () => need(sheetById(book.active), "Worksheet"), "CommentCollection.getItemByCell");
              return need(book.comments.find((c) => c.sheet === m.sheet && c.r === m.r0 && c.c === m.c0), "Comment");
            };
            return makeProxy(ctx, "Comment", find, {
              props: { content: { get: (m) => m.content } },
              navs: {
                replies: () => makeProxy(ctx, "CommentReplyCollection", find, {
                  methods: {
                    add: (_, content) => ctx.enqueue("CommentReplyCollection.add", () => {
                      const m = find();
                      m.replies.push(content);
                      record(m.sheet, a1(m.r, m.c, m.r, m.c), "commentReply", { content });
                    }),
                  },
                }),
              },
            });
          },
        },
      });
      return makeProxy(ctx, "Workbook", () => book, {
        navs: {
          worksheets: () => makeWorksheets(ctx),
          application: () => application,
          comments: () => comments,
        },
        methods: {
          getSelectedRange: () => makeRange(ctx, () => { const sel = book.selection; return rangeModel(need(sheetById(sel.sheet), "Worksheet"), sel.r0, sel.c0, sel.r1, sel.c1); }),
        },
      });
    }

    // ---------------------------------------------------------- Excel, Office, CustomFunctions

    const Excel = strict("Excel", {
      run: async (batch, more) => {
        if (typeof batch !== "function" || more !== undefined) throw unsupported("Excel.run with options or an object");
        log.runs += 1;
        const ctx = new Context();
        const pending = batch(ctx);
        if (!pending || typeof pending.then !== "function") throw officeError("RunMustReturnPromise", "The batch function passed to Excel.run must return a promise.", "Excel.run");
        const result = await pending;
        await ctx.sync(); // Office.js syncs after the batch (ClientRequestContext._runCommon)
        return result;
      },
      CalculationType: strict("Excel.CalculationType", { full: "Full", recalculate: "Recalculate", fullRebuild: "FullRebuild" }),
      ConditionalFormatType: strict("Excel.ConditionalFormatType", { custom: "Custom" }),
      ChartType: strict("Excel.ChartType", { columnClustered: "ColumnClustered" }),
      ChartSeriesBy: strict("Excel.ChartSeriesBy", { auto: "Auto", columns: "Columns", rows: "Rows" }),
    });

    const settings = strict("Office.context.document.settings", {
      get: (key) => (Object.prototype.hasOwnProperty.call(book.settings, key) ? clone(book.settings[key]) : null),
      set: (key, value) => {
        // Office serializes settings as JSON.
        book.settings[key] = clone(value);
      },
      remove: (key) => { delete book.settings[key]; },
      saveAsync: (options, callback) => {
        const cb = typeof options === "function" ? options : callback;
        setTimeout(() => {
          if (spec.saveFails) {
            if (cb) cb({ status: "failed", error: { name: "SaveFailed", message: "the document could not be saved", code: 5001 } });
            return;
          }
          book.savedSettings = clone(book.settings);
          log.settingsSaves += 1;
          record(null, null, "settings", { settings: clone(book.settings) });
          if (cb) cb({ status: "succeeded", value: undefined });
        }, 0);
      },
    });

    const Office = strict("Office", {
      onReady: (callback) => {
        const info = { host: "Excel", platform: "OfficeOnline" };
        if (callback) setTimeout(() => callback(info), 0);
        return Promise.resolve(info);
      },
      HostType: strict("Office.HostType", { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" }),
      PlatformType: strict("Office.PlatformType", { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" }),
      AsyncResultStatus: strict("Office.AsyncResultStatus", { Succeeded: "succeeded", Failed: "failed" }),
      StartupBehavior: strict("Office.StartupBehavior", { none: "None", load: "Load" }),
      addin: strict("Office.addin", {
        setStartupBehavior: (behavior) => {
          book.startupBehavior = behavior;
          return Promise.resolve();
        },
        getStartupBehavior: () => Promise.resolve(book.startupBehavior),
      }),
      context: strict("Office.context", {
        document: strict("Office.context.document", { settings }),
        requirements: strict("Office.context.requirements", {
          isSetSupported: (name, version) => (name === "ExcelApi" ? versionAtMost(version || "1.1", excelApi) : name === "SharedRuntime" ? true : false),
        }),
        displayLanguage: "zh-CN",
        contentLanguage: "zh-CN",
      }),
    });

    class CustomFunctionsError extends Error {
      constructor(code, message) {
        super(message || code);
        this.code = code;
      }
    }
    const CustomFunctions = strict("CustomFunctions", {
      associate: (id, fn) => { log.associated.push(id); void fn; },
      Error: CustomFunctionsError,
      ErrorCode: strict("CustomFunctions.ErrorCode", { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" }),
    });

    // ---------------------------------------------------------- what tests read

    function sheetNamed(name) {
      const s = sheetByName(name);
      if (!s) throw new Error(`fake-office: no sheet named ${name}`);
      return s;
    }

    const view = {
      Office,
      Excel,
      CustomFunctions,
      log,
      book,
      sheetNames: () => book.sheets.map((s) => s.name),
      activeSheet: () => activeSheet().name,
      /** The selection as `Sheet!A1:B2`. */
      selection: () => { const s = sheetById(book.selection.sheet); return `${sheetRef(s.name)}!${a1(book.selection.r0, book.selection.c0, book.selection.r1, book.selection.c1)}`; },
      /** Values from A1 to the end of the used range, "" for blank (what Range.values would give). */
      values: (name) => { const s = sheetNamed(name); const b = s.usedBox(true); return b ? grid(rangeModel(s, 0, 0, b.r1, b.c1), (r, c) => s.value(r, c)) : []; },
      formulas: (name) => { const s = sheetNamed(name); const b = s.usedBox(true); return b ? grid(rangeModel(s, 0, 0, b.r1, b.c1), (r, c) => s.formula(r, c)) : []; },
      cell: (name, address) => { const s = sheetNamed(name); const b = parseCells(address, "cell"); return s.value(b.r0, b.c0); },
      formatAt: (name, address) => { const s = sheetNamed(name); const b = parseCells(address, "formatAt"); return s.format(b.r0, b.c0); },
      sheet: (name) => {
        const s = sheetNamed(name);
        return {
          tables: s.tables.map((t) => ({ name: t.name, style: t.style, address: t.address })),
          charts: s.charts.map((c) => ({ ...c })),
          conditionalFormats: s.conditionalFormats.map((c) => ({ type: c.type, range: c.range, formula: c.formula, fill: c.fill, font: c.font })),
          freeze: s.freeze,
          columnWidths: Object.fromEntries([...s.columnWidths.entries()].map(([c, w]) => [colLetters(c), w])),
          autofit: [...s.autofit].map(colLetters),
          spills: s.spills.map((x) => a1(x.r0, x.c0, x.r1, x.c1)),
        };
      },
      comments: () => book.comments.map((c) => ({ address: `${sheetRef(c.sheet.name)}!${a1(c.r, c.c, c.r, c.c)}`, content: c.content, replies: [...c.replies] })),
      settings: () => clone(book.settings),
      savedSettings: () => clone(book.savedSettings),
      startupBehavior: () => book.startupBehavior,
      /**
       * Zero-based rows the sheet's custom conditional formats highlight, evaluating `=LEN($X<n>)>0` (the only
       * rule shape the fake understands; anything else throws).
       */
      highlightedRows: (name) => {
        const s = sheetNamed(name);
        const out = new Set();
        for (const cf of s.conditionalFormats) {
          const m = /^=LEN\(\$([A-Z]{1,3})(\d+)\)>0$/.exec(cf.formula || "");
          if (!m) throw unsupported(`evaluating the conditional format formula ${cf.formula}`);
          const col = colIndex(m[1]);
          const offset = Number(m[2]) - 1 - cf.box.r0;
          for (let r = cf.box.r0; r <= cf.box.r1; r++) if (String(s.value(r + offset, col)).length > 0) out.add(r);
        }
        return [...out].sort((a, b) => a - b);
      },
      /** Writes that changed a sheet other than `allowed` (cell contents, formats, tables, charts, layout). */
      writesOutside: (allowed) => log.writes.filter((w) => w.sheet !== null && w.sheet !== allowed && !["activate", "select"].includes(w.what)),
      resetLog: () => {
        log.syncs = 0; log.syncCalls = 0; log.runs = 0; log.requests.length = 0; log.writes.length = 0;
        log.suspendCalculation = 0; log.suspendScreen = 0; log.calculations.length = 0; log.settingsSaves = 0;
      },
    };
    return view;
  }

  /** In the page: make the fake the global Office, Excel and CustomFunctions (office.js is routed here). */
  function install(target, spec) {
    const fake = createFake(spec);
    target.Office = fake.Office;
    target.Excel = fake.Excel;
    target.CustomFunctions = fake.CustomFunctions;
    target.__fake = fake;
    return fake;
  }

  return { createFake, install, typeIn, serial };
});
