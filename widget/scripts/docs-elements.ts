// `npm run docs:elements`: writes custom-elements.json and docs/elements.md from the class
// comments under widget/src/. With `--check`, writes nothing and exits 1 when either
// committed file differs from what the sources produce.
import { staleGeneratedFiles, writeGeneratedFiles } from './element-docs.js';

const root = process.cwd();

try {
  if (process.argv.includes('--check')) {
    const stale = await staleGeneratedFiles(root);
    if (stale.length > 0) {
      process.stderr.write(
        `Out of date: ${stale.join(', ')}. Run \`npm run docs:elements\` and commit the result.\n`,
      );
      process.exitCode = 1;
    } else {
      process.stdout.write('custom-elements.json and docs/elements.md match the sources.\n');
    }
  } else {
    for (const file of await writeGeneratedFiles(root)) process.stdout.write(`Wrote ${file}\n`);
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
