import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// google-gax reads __dirname at load time; ESM scope has none.
const g = globalThis as { __dirname?: string; __filename?: string };
g.__filename ??= fileURLToPath(import.meta.url);
g.__dirname ??= dirname(g.__filename);
