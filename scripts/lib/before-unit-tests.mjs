// Loaded by mocha (.mocharc.json `require`) before any test file: the schema validators are
// generated from schemas/*.schema.json, so a schema edited since the last build is checked as
// it now reads, not as it read then.
import { writeSchemaValidators } from './schema-validators.mjs';

writeSchemaValidators();
