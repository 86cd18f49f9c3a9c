export declare const SCHEMA_VALIDATORS_FILE: string;
export declare function schemaValidatorsSource(): string;
export declare function writeSchemaValidators(): boolean;
