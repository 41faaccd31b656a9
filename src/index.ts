// Entry point of the bundle (dist/index.js): what GitHub runs.
import { run } from './main.js';

await run();
