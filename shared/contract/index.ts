export * from './define';
export * from './method-names';
export * from './contract';
export * from './client';
export * from './app';
export * from './targets';
export * from './bundle';
