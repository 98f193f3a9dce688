export { findRedisServer, startRedisServer, type RedisServerHandle } from './redis-server.js';
