export * from './organisations.js';
export * from './challenges.js';
export * from './creatives.js';
export * from './support-measures.js';
