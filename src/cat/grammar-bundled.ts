// Cat stage: the cat grammar text as esbuild inlines it into dist/ordo.cjs. Loaded only from
// the bundle (see grammar-source.ts): tsx cannot import .ohm files.
import catGrammarSource from '../../grammar/cat.ohm';

export default catGrammarSource;
