// Jest's transform of the TypeScript files: Node's own type stripping (module.stripTypeScriptTypes,
// the same as `node file.ts` runs the scripts and the fake with), in place of ts-jest. Types are
// replaced by blanks, so lines and columns stay where they were (no source map needed).
// tsconfig.test.json's erasableSyntaxOnly and verbatimModuleSyntax make every file strippable:
// no enums or namespaces, and every type-only import says `type`. The type check is tsc's
// (npm test runs it beside jest). Why not ts-jest: it loads TypeScript in every jest worker and
// transpiles each file with it, ~6 s of CPU on a fresh checkout (CI), where nothing is cached.
import { createHash } from 'node:crypto';
import { stripTypeScriptTypes } from 'node:module';

export default {
  process(source) {
    return { code: stripTypeScriptTypes(source, { mode: 'strip' }) };
  },
  getCacheKey(source, path) {
    return createHash('sha256').update(process.version).update('\0').update(path).update('\0').update(source).digest('hex');
  },
};
