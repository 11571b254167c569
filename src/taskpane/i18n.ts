/** Taskpane texts, Chinese first. Every key exists in both languages (the type enforces it). */
import type { Lang } from "./model";

const zh = {
  title: "客户经理考核",
  subtitle: "银行客户经理考核计算 · Excel 加载项",
  english: "English",
  notYetTitle: "本版本尚未提供",
  notYetBody:
    "“校验工作簿”和“月度考核”功能尚未提供。当前可用的是查看下列内置考核规则集,以及在单元格中输入 =KHJL.RULEBOOKS() 列出它们。",
  rulebooksHeading: "内置考核规则集",
  colId: "编号",
  colVersion: "版本",
  colName: "名称",
  loadFailed: "内置规则集加载失败",
  hostWaiting: "正在连接 Office…",
  hostOther: "当前不在 Excel 中运行:自定义函数 =KHJL.RULEBOOKS() 只能在 Excel 中使用。",
  hostNoOffice: "未能加载 Office.js:页面在 Excel 之外打开,自定义函数不可用。",
};

const en: typeof zh = {
  title: "Customer Manager Appraisal",
  subtitle: "Bank customer-manager appraisal · Excel add-in",
  english: "English",
  notYetTitle: "Not available in this version",
  notYetBody:
    "“Check workbook” and “Monthly appraisal” are not available yet. What works now: viewing the built-in rulebooks below, and typing =KHJL.RULEBOOKS() in a cell to list them.",
  rulebooksHeading: "Built-in rulebooks",
  colId: "ID",
  colVersion: "Version",
  colName: "Name",
  loadFailed: "The built-in rulebooks could not be loaded",
  hostWaiting: "Connecting to Office…",
  hostOther: "Not running inside Excel: the custom function =KHJL.RULEBOOKS() works only in Excel.",
  hostNoOffice: "Office.js did not load: the page is open outside Excel, so custom functions are unavailable.",
};

export type Texts = typeof zh;

export const TEXTS: Record<Lang, Texts> = { zh, en };
