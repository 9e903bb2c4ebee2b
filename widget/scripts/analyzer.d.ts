// The analyzer ships types for its `create` API only; this declares the CLI module that
// widget/scripts/element-docs.ts runs, as published in @custom-elements-manifest/analyzer 0.11.
declare module '@custom-elements-manifest/analyzer/cli.js' {
  /**
   * Runs the analyzer as the `cem` command does, with custom-elements-manifest.config.* from
   * `cwd`, and returns the manifest. With `noWrite`, it writes no file.
   */
  export function cli(options: { argv: string[]; cwd: string; noWrite: boolean }): Promise<unknown>;
}
