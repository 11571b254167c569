#!/usr/bin/env node
/**
 * Writes assets/sample-city-branch.json: two branches of a city commercial bank (h003-city-bank) for the 2026
 * annual appraisal, 12 monthly records (income, daily-average deposits) plus the annual record (growth, NPL,
 * collection, fee income, new accounts) per manager. The people are made up; each one exercises a rule:
 * the 118-point president, a president demoted by score, the 93.14 CM of the rule file, a one-grade demotion
 * (score 78 and collection 98.9%), a junior below 85, a dismissal by conduct points, three short months, a
 * dismissal by score, an agent, a risk deposit reaching its cap mid-year. Rebuild with `node scripts/make-sample-branch.js`.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`);

/** Monthly records: the same income each month unless a list is given; deposits per month likewise. */
function monthly({ income, deposits, base }) {
  return months.map((period, i) => {
    const rec = { period };
    if (income !== undefined) rec.income = Array.isArray(income) ? income[i] : income;
    if (deposits !== undefined) {
      rec.avgDeposits = Array.isArray(deposits) ? deposits[i] : deposits;
      rec.baseDeposits = base;
    }
    return rec;
  });
}

const annual = (fields) => ({ period: "2026", avgLoans: "30000000", interestDue: "1200000", newLoanCollectionRate: "1", ...fields });

const managers = [
  {
    id: "0102003", name: "张三", branch: "城东支行", role: "president", grade: "intermediate",
    history: [
      { period: "2025", avgDeposits: "100000000", baseDeposits: "80000000", depositPlan: "104000000", avgLoans: "30000000", interestDue: "1100000", nplRatio: "0", collectionRate: "0.997", feeIncomeGrowth: "0.21", newLoanCollectionRate: "1" },
      ...monthly({ income: "9800.00" }),
      annual({ avgDeposits: "135000000", baseDeposits: "100000000", nplRatio: "0", collectionRate: "0.998", feeIncomeGrowth: "0.24" }),
    ],
  },
  {
    id: "0102017", name: "李四", branch: "城西支行", role: "president", grade: "senior",
    history: [
      { period: "2025", avgDeposits: "162000000", baseDeposits: "120000000", depositPlan: "156000000", avgLoans: "40000000", interestDue: "1500000", nplRatio: "0", collectionRate: "0.998", feeIncomeGrowth: "0.24", newLoanCollectionRate: "1" },
      ...monthly({ income: "11200.00" }),
      annual({ avgDeposits: "196020000", baseDeposits: "162000000", nplRatio: "0.008", collectionRate: "0.996", feeIncomeGrowth: "0.18" }),
    ],
  },
  {
    id: "0103001", name: "王五", branch: "城东支行", role: "cm", grade: "senior",
    history: [...monthly({ income: "15000.00", deposits: "52000000", base: "40000000" }), annual({ depositGrowth: "0.36", nplRatio: "0", collectionRate: "0.999", newBasicAccounts: 12 })],
  },
  {
    id: "0103002", name: "赵六", branch: "城东支行", role: "cm", grade: "intermediate",
    history: [...monthly({ income: "8600.00", deposits: "26200000", base: "20000000" }), annual({ depositGrowth: "0.31", nplRatio: "0.005", collectionRate: "0.997", newBasicAccounts: 5 })],
  },
  {
    id: "0103003", name: "钱七", branch: "城西支行", role: "cm", grade: "intermediate",
    history: [...monthly({ income: "7200.00", deposits: "19800000", base: "18000000" }), annual({ depositGrowth: "0.30", nplRatio: "0.005", collectionRate: "0.989", newBasicAccounts: 7 })],
  },
  {
    id: "0103004", name: "孙八", branch: "城西支行", role: "cm", grade: "junior",
    history: [...monthly({ income: "5200.00", deposits: "6600000", base: "6000000" }), annual({ newAvgDeposits: "600000", nplRatio: "0", collectionRate: "0.995", newBasicAccounts: 4 })],
  },
  {
    id: "0103005", name: "周九", branch: "城东支行", role: "cm", grade: "senior",
    history: [
      ...monthly({ income: "13800.00", deposits: "47000000", base: "36000000" }).map((r) => (r.period === "2026-05" ? { ...r, conductDeductions: "9" } : r.period === "2026-09" ? { ...r, conductDeductions: "6" } : r)),
      annual({ depositGrowth: "0.33", nplRatio: "0", collectionRate: "0.998", newBasicAccounts: 11 }),
    ],
  },
  {
    id: "0103006", name: "吴十", branch: "城西支行", role: "cm", grade: "intermediate",
    history: [
      ...monthly({
        income: "4800.00",
        deposits: ["9200000", "9150000", "9300000", "9100000", "9050000", "8950000", "8800000", "8700000", "9250000", "9400000", "9500000", "9600000"],
        base: "10000000",
      }),
      annual({ depositGrowth: "0.32", nplRatio: "0", collectionRate: "0.996", newBasicAccounts: 7 }),
    ],
  },
  {
    id: "0103007", name: "郑十一", branch: "城东支行", role: "cm", grade: "junior",
    history: [...monthly({ income: "4100.00", deposits: "4300000", base: "5000000" }), annual({ newAvgDeposits: "-300000", nplRatio: "0.02", collectionRate: "0.991", newBasicAccounts: 2 })],
  },
  {
    id: "0104001", name: "冯十二", branch: "城东支行", role: "agent",
    history: [...monthly({ income: "3600.00" }), { period: "2026", avgDeposits: "8300000" }],
  },
  {
    id: "0103008", name: "陈十三", branch: "城西支行", role: "cm", grade: "intermediate",
    history: [
      ...monthly({ income: ["8000.00", "12000.00", "9500.55", "-500.00", "15000.00", "20000.00", "18000.00", "9000.00", "9000.00", "9000.00", "9000.00", "9000.00"], deposits: "23500000", base: "18000000" }),
      annual({ depositGrowth: "0.30", nplRatio: "0", collectionRate: "0.995", newBasicAccounts: 7 }),
    ],
  },
  {
    id: "0103009", name: "褚十四", branch: "城西支行", role: "cm", grade: "senior",
    history: [...monthly({ income: "14200.00", deposits: "44000000", base: "34000000" }), annual({ depositGrowth: "0.29", nplRatio: "0.0045", collectionRate: "0.9965", newBasicAccounts: 10 })],
  },
];

module.exports = { months, monthly, annual };

if (require.main === module) {
  const doc = { rulebook: "h003-city-bank", period: "2026", managers };
  const target = path.resolve(__dirname, "../assets/sample-city-branch.json");
  fs.writeFileSync(target, `${JSON.stringify(doc, null, 1)}\n`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)} (${managers.length} managers)\n`);
}
