// Entry point of the bundle. The first import defines __dirname/__filename, which
// google-gax reads and ESM scope lacks; everything else is loaded after it.
import './esm-globals.js';
import { run } from './main.js';

await run();
