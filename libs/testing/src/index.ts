export { findRedisServer, startRedisServer, type RedisServerHandle } from './redis-server.js';
export { createTestDatabase, requiredEnv, type TestDatabase } from './test-database.js';
export { availableQueueBackends, eventually, reportSkippedQueueBackends, testConfig, type QueueBackendName } from './test-config.js';
export { TestClock } from './test-clock.js';
