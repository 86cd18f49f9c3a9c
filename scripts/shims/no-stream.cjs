// jszip asks for Node streams and, finding none here, works without them (its `nodestream`
// support flag turns false). A browser has no `stream` module to give it.
module.exports = {};
