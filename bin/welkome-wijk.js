#!/usr/bin/env node
// Thin entry point: hands the command line to the built CLI (run `npm run build` after changing src/).
import { main } from '../dist/cli/index.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
