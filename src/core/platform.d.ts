/**
 * The few globals the core relies on. Node (≥ 19) and every browser provide them; declaring them
 * here, instead of pulling in DOM or Node typings, keeps anything else out of the core's reach.
 */
declare function setTimeout(callback: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;

declare const crypto: {
  getRandomValues<T extends Uint8Array | Uint32Array>(array: T): T;
};

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
