export declare function codeFromText(text: string): string[];
export declare function bundlesIn(dir: string): string[];
export declare function checkBundles(dir: string): string[];
