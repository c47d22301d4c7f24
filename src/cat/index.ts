// Cat stage: cat files to cat ASTs (syntax, includes). Public face of src/cat/.
export type * from './ast';
export { binds, mentions } from './free-vars';
export {
  catSource,
  libraryDir,
  type ReadFile,
  readCatFile,
  readFileOrUndefined,
  resolveInclude,
} from './load';
export { parseCat } from './parse';
export { unreachable } from './unreachable';
