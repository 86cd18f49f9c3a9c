// Types of schema-validators.js, which the build generates from schemas/*.schema.json (see
// scripts/lib/schema-validators.mjs): one precompiled validator per schema, keyed by file stem.
import type { ValidateFunction } from 'ajv';

export declare const validators: Readonly<Record<string, ValidateFunction | undefined>>;
