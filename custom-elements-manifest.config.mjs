// Configuration of @custom-elements-manifest/analyzer, read by `npx cem analyze` and by
// widget/scripts/docs-elements.ts, which writes custom-elements.json and docs/elements.md.

// Compares code unit by code unit, unlike localeCompare, so the order is the same everywhere.
function comparePaths(a, b) {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export default {
  globs: ['widget/src/**/*.ts'],
  litelement: true,
  // package.json is edited by hand: it exports the manifest as `escalated/custom-elements.json`.
  packagejson: false,
  plugins: [
    {
      // The analyzer lists modules in the order the file system returns them, which is not fixed.
      name: 'escalated-sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => comparePaths(a.path, b.path));
      },
    },
  ],
};
