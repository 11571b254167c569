/** Unit, CLI and browser tests all run under one jest; see README "Tests". */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json" }] },
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/shims/office-addin-manifest.js" },
};
