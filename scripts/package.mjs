#!/usr/bin/env node
// `npm run package`: a production build packaged as dist/grounded.vsix, ready to install in VS Code.
import { join } from 'node:path';
import { packageExtension } from './lib/vsix.mjs';
import { repoRoot } from './lib/paths.mjs';

const out = await packageExtension(join(repoRoot, 'dist', 'grounded.vsix'));
console.log(`Wrote ${out}. Install it with: code --install-extension ${out}`);
