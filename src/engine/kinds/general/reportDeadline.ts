/**
 * Monthly due dates (G001-REPORT-DEADLINE, and H003-PAY-DATA-DEADLINE with its own day and roll-forward
 * setting): the document for month M is due on day `dayOfMonth` of month M+1 (inclusive: on that day; exclusive:
 * the day before). If that day is not a working day and `rollForward` holds, the deadline moves to the next
 * working day. Holidays and adjusted working days are rulebook data (`calendar`) plus the tool's input; the engine
 * knows no calendar of its own.
 */
import { z } from "zod";
import { isUnavailable, reason, unavailable, type Unavailable } from "../../outcome";
import { addDays, addMonths, weekday } from "../../periods";
import { Bilingual } from "../../rulebook/schema";
import type { Settings } from "../../settings";
import type { ToolKind } from "../types";
import { coversYear, daysBetween, isWorkingDay, rollForward, type WorkCalendar } from "./calendar";
import { checkSettingRefs, IsoDate, MonthPeriod, orSetting, resolveParam, WEEKDAY_EN, WEEKDAY_ZH } from "./common";

/** Day 29–31 does not exist in every month, so a monthly due day is 1–28. */
const DayOfMonth = z.number().int().min(1).max(28);
const Flag = z.boolean();

const Params = z
  .object({
    document: Bilingual,
    dayOfMonth: orSetting(DayOfMonth),
    inclusive: orSetting(Flag),
    rollForward: orSetting(Flag),
    weekendsAreHolidays: orSetting(Flag),
    calendar: z
      .object({ holidays: z.array(IsoDate).default([]), adjustedWorkdays: z.array(IsoDate).default([]) })
      .strict()
      .default({ holidays: [], adjustedWorkdays: [] }),
    /** Longest run of non-working days searched before the calendar is called broken. */
    maxRollDays: z.number().int().positive(),
  })
  .strict();
type Params = z.infer<typeof Params>;

const Input = z
  .object({
    /** The month the document reports on. */
    period: MonthPeriod,
    holidays: z.array(IsoDate).default([]),
    adjustedWorkdays: z.array(IsoDate).default([]),
    /** If given, whether it was on time. */
    submittedOn: IsoDate.optional(),
  })
  .strict();
type Input = z.infer<typeof Input>;

export interface DeadlineValue {
  period: string;
  /** Day `dayOfMonth` of the next month (the day before it when exclusive). */
  nominal: string;
  due: string;
  rolled: boolean;
  /** Non-working days skipped by the roll-forward. */
  skipped: string[];
  onTime?: boolean;
  /** Days late (> 0) or early (≤ 0) when submittedOn is given. */
  daysLate?: number;
}

function day(date: string): { zh: string; en: string } {
  const wd = weekday(date);
  return { zh: `${date}(${WEEKDAY_ZH[wd]})`, en: `${date} (${WEEKDAY_EN[wd]})` };
}

interface Resolved {
  dayOfMonth: number;
  inclusive: boolean;
  roll: boolean;
  weekends: boolean;
}

function resolveAll(p: Params, settings: Settings, rule: string): Resolved | Unavailable {
  const dayOfMonth = resolveParam(p.dayOfMonth, DayOfMonth, settings, rule);
  if (isUnavailable(dayOfMonth)) return dayOfMonth;
  const inclusive = resolveParam(p.inclusive, Flag, settings, rule);
  if (isUnavailable(inclusive)) return inclusive;
  const roll = resolveParam(p.rollForward, Flag, settings, rule);
  if (isUnavailable(roll)) return roll;
  const weekends = resolveParam(p.weekendsAreHolidays, Flag, settings, rule);
  if (isUnavailable(weekends)) return weekends;
  return { dayOfMonth, inclusive, roll, weekends };
}

export const reportDeadline: ToolKind<Params, Input> = {
  kind: "reportDeadline",
  stage: "tool",
  params: Params,
  input: Input,
  check: checkSettingRefs,
  run(rule, input, _book, settings) {
    const p = rule.params;
    const r = resolveAll(p, settings, rule.id);
    if (isUnavailable(r)) return r;
    const cal: WorkCalendar = {
      holidays: new Set([...p.calendar.holidays, ...input.holidays]),
      adjustedWorkdays: new Set([...p.calendar.adjustedWorkdays, ...input.adjustedWorkdays]),
      weekendsAreHolidays: r.weekends,
    };
    const dueDay = addMonths(`${input.period}-${String(r.dayOfMonth).padStart(2, "0")}`, 1);
    const nominal = r.inclusive ? dueDay : addDays(dueDay, -1);
    const doc = p.document;
    const reasons = [
      reason(
        rule.id,
        `${input.period} ${doc.zh}应于次月 ${r.dayOfMonth} 日${r.inclusive ? "(含当日)" : "前(不含当日)"}报送:${day(nominal).zh}`,
        `${doc.en} for ${input.period} is due by day ${r.dayOfMonth} of the next month${r.inclusive ? " (inclusive)" : " (exclusive)"}: ${day(nominal).en}`,
      ),
    ];
    let due = nominal;
    let skipped: string[] = [];
    if (!isWorkingDay(nominal, cal)) {
      if (r.roll) {
        const rolled = rollForward(nominal, cal, p.maxRollDays);
        if (!rolled) {
          return unavailable("value", rule.id, `节假日日历自 ${nominal} 起 ${p.maxRollDays} 天内没有工作日,请检查日历`, `the holiday calendar has no working day within ${p.maxRollDays} days of ${nominal}`);
        }
        due = rolled.date;
        skipped = rolled.skipped;
        reasons.push(
          reason(
            rule.id,
            `${day(nominal).zh}为非工作日,节假日顺延至 ${day(due).zh}`,
            `${day(nominal).en} is not a working day; rolled forward to ${day(due).en}`,
          ),
        );
      } else {
        reasons.push(reason(rule.id, `${day(nominal).zh}为非工作日,但不顺延`, `${day(nominal).en} is not a working day, but deadlines do not roll forward`));
      }
    }
    const year = nominal.slice(0, 4);
    if (r.roll && !coversYear(cal, year)) {
      reasons.push(
        reason(
          rule.id,
          `节假日日历未列出 ${year} 年的节假日或调休上班日,只按${r.weekends ? "周末" : "所列日期"}判断`,
          `the holiday calendar lists no holiday or adjusted working day in ${year}; only ${r.weekends ? "weekends" : "listed days"} are non-working`,
        ),
      );
    }
    const value: DeadlineValue = { period: input.period, nominal, due, rolled: due !== nominal, skipped };
    if (input.submittedOn) {
      const late = daysBetween(due, input.submittedOn);
      value.onTime = late <= 0;
      value.daysLate = late;
      reasons.push(
        value.onTime
          ? reason(rule.id, `${input.submittedOn} 报送,按时`, `submitted ${input.submittedOn}: on time`)
          : reason(rule.id, `${input.submittedOn} 报送,逾期 ${late} 天`, `submitted ${input.submittedOn}: ${late} day(s) late`),
      );
    }
    return { value, reasons };
  },
};
