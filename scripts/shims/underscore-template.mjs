// Stands in for underscore's `template` (compiled with `new Function`), which mammoth never uses:
// the rest of underscore is bundled as published.
export default function template() {
  throw new Error('underscore templates are not available in Grounded');
}
