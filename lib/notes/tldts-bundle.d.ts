// tldts ships a single pre-minified file; Lede imports that one (lib/notes/source-url.ts) because bundling the
// ES module sources let the minifier copy the suffix list's label string into three places
// (425 kB content script instead of 286 kB). Same API and types as the package's entry point.
declare module 'tldts/dist/index.cjs.min.js' {
  export { getDomain } from 'tldts';
}
