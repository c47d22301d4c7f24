// Cat stage: esbuild bundles grammar files as text (loader '.ohm': 'text' in scripts/build.mjs).
declare module '*.ohm' {
  const source: string;
  export default source;
}
