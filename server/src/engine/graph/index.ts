// The workload graph's public face: build it from evaluated instances and query it.
export { buildGraph, namedByLiteral, type GraphInstance } from './build';
export { WorkloadGraph } from './graph';
export * from './kinds';
export type * from './types';
