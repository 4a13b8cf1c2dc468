/** Statistics of the registry: the filter, the figures' schemas and the pure maths. */
export * from './filter';
export * from './schemas';
export * from './compute';
export * from './map';
export * from './boundaries';
export * from './tables';
export * from './colours';
