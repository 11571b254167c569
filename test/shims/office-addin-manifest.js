/**
 * Stand-in for office-addin-manifest under jest (mapped in jest.config.js). office-addin-mock imports it only for the
 * OfficeApp enum, and the real package pulls in ESM-only dependencies jest cannot require on Node 20 (toolchain F5).
 */
module.exports = {
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
};
