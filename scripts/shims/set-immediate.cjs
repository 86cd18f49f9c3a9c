// Stands in for the `setimmediate` package that jszip (inside mammoth) loads. That polyfill turns
// a string argument into code with `new Function`; this one accepts functions only, which is all
// jszip passes, so no bundle carries a code-from-text path.
if (typeof globalThis.setImmediate !== 'function') {
  globalThis.setImmediate = (callback, ...args) => setTimeout(callback, 0, ...args);
  globalThis.clearImmediate = (handle) => clearTimeout(handle);
}
